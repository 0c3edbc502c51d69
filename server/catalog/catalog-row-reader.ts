import { normalizeText, foldVietnamese } from '../../shared/text/fold-vietnamese';

export interface RowProblem {
  /** The column key (see catalog-layout.ts); the parser turns it into the file's header. */
  key: string;
  code: 'missing-value' | 'invalid-value';
  message: string;
}

/**
 * Reads one row's fields by column key, normalised to NFC with collapsed spaces, and collects
 * every problem instead of stopping at the first, so that one import reports all of a row's
 * faults at once.
 */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** The field as text ('' when the column is absent or empty). */
  text(key: string): string {
    return normalizeText(this.values.get(key) ?? '');
  }

  required(key: string): string {
    const value = this.text(key);
    if (value === '') this.problems.push({ key, code: 'missing-value', message: 'This field is required.' });
    return value;
  }

  invalid(key: string, message: string): void {
    this.problems.push({ key, code: 'invalid-value', message });
  }

  /** A number written with a dot or a decimal comma ("3.9", "3,9"); null when empty. */
  optionalNumber(key: string): number | null {
    const raw = this.text(key);
    if (raw === '') return null;
    const written = /^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
    const value = /^-?\d+(\.\d+)?$/.test(written) ? Number(written) : Number.NaN;
    if (Number.isNaN(value)) {
      this.invalid(key, `"${raw}" is not a number.`);
      return null;
    }
    return value;
  }

  requiredInteger(key: string, min: number, max: number): number {
    const raw = this.required(key);
    if (raw === '') return min;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.invalid(key, `"${raw}" is not a whole number from ${min} to ${max}.`);
      return min;
    }
    return value;
  }

  /** A yes/no mark: empty, 0, không, no → false; x, 1, có, yes → true. */
  flag(key: string): boolean {
    const raw = foldVietnamese(this.text(key));
    if (['', '0', 'khong', 'no', 'false'].includes(raw)) return false;
    if (['x', '1', 'co', 'yes', 'true'].includes(raw)) return true;
    this.invalid(key, `"${this.text(key)}" is neither yes (x) nor no (empty).`);
    return false;
  }

  /** One of a fixed set of words, compared folded ("Sinh hóa" = "sinh hoa"). */
  choice<T>(key: string, choices: Readonly<Record<string, T>>, fallback: T, required = true): T {
    const raw = required ? this.required(key) : this.text(key);
    if (raw === '') return fallback;
    const folded = foldVietnamese(raw);
    const found = Object.entries(choices).find(([word]) => foldVietnamese(word) === folded);
    if (found) return found[1];
    this.invalid(key, `"${raw}" is not one of: ${Object.keys(choices).join(', ')}.`);
    return fallback;
  }
}
