import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PAPER_SIZES, type PaperSize, type PrintRequest } from '../../shared/ipc/print-request';
import { canSavePdf, printView } from './print-output';
import './print-font.css';
import './printing.css';

/** Page margins per paper size, in millimetres: the sheet on screen pads the same. */
const MARGIN_MM: Record<PaperSize, number> = { A4: 15, A5: 10 };

/**
 * The print view: the paper as it will print, over the app, with its toolbar. Nothing prints
 * until the user asks (the print button has focus: Enter prints; Ctrl+P too; Esc closes), so a
 * change to the data underneath updates the paper on screen and never prints it again.
 * Rendered beside the app in <body>, so the print stylesheet can leave out everything else.
 */
export function PrintPreview(props: {
  /** Suggested PDF file name, without the extension. */
  fileName: string;
  defaultSize: PaperSize;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [size, setSize] = useState<PaperSize>(props.defaultSize);
  const [status, setStatus] = useState<string | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const request = (action: PrintRequest['action']): PrintRequest => ({
    action,
    pageSize: size,
    marginMm: MARGIN_MM[size],
    fileName: `${props.fileName.replace(/[^\p{L}\p{N} _.-]/gu, '_')}.pdf`,
  });
  const run = async (action: PrintRequest['action']): Promise<void> => {
    try {
      const outcome = await printView(request(action));
      if (outcome.outcome === 'saved') setStatus(t('printing.saved', { path: outcome.path }));
      else setStatus(outcome.outcome === 'cancelled' ? t('printing.cancelled') : null);
    } catch (error) {
      setStatus(t('printing.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  // The latest handlers for the keyboard listener, which is set up once for the view's lifetime
  // (setting it up again would move the focus each time the paper's data changes).
  const handlers = useRef({ run, onClose: props.onClose });
  useEffect(() => {
    handlers.current = { run, onClose: props.onClose };
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The app underneath is out of reach while the paper is shown: Tab stays in the print view.
    const underneath = [...document.body.children].filter(
      (element): element is HTMLElement => element instanceof HTMLElement && !element.contains(view.current),
    );
    for (const element of underneath) element.inert = true;
    printButton.current?.focus();
    // Captured before the app's own shortcuts (Esc leaves the page there).
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        handlers.current.onClose();
      } else if (event.ctrlKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        event.stopPropagation();
        void handlers.current.run('print');
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      for (const element of underneath) element.inert = false;
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div
      ref={view}
      className="print-preview"
      role="dialog"
      aria-modal="true"
      aria-label={t('printing.preview')}
      data-testid="print-preview"
    >
      <style>{`@page { size: ${size}; margin: ${String(MARGIN_MM[size])}mm; }`}</style>
      <div className="print-toolbar">
        <label htmlFor="print-size">{t('printing.size')}</label>
        <select id="print-size" value={size} onChange={(event) => setSize(event.target.value as PaperSize)}>
          {PAPER_SIZES.map((paper) => (
            <option key={paper} value={paper}>
              {paper}
            </option>
          ))}
        </select>
        <button ref={printButton} type="button" data-testid="print-now" onClick={() => void run('print')}>
          {t('printing.print')}
        </button>
        {canSavePdf() && (
          <button type="button" onClick={() => void run('save-pdf')}>
            {t('printing.savePdf')}
          </button>
        )}
        <button type="button" data-testid="print-close" onClick={props.onClose}>
          {t('printing.close')}
        </button>
        {status !== null && (
          <span role="status" data-testid="print-status">
            {status}
          </span>
        )}
      </div>
      <div className={`print-sheet size-${size}`} data-testid="print-sheet">
        {props.children}
      </div>
    </div>,
    document.body,
  );
}
