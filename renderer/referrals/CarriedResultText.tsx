import { referenceRangeText } from '../../shared/referral/carried-results';
import type { CarriedResult } from '../../shared/referral/referral-document';
import { formatDateTime } from '../app/format';
import { ResultFlag } from '../orders/ResultFlag';

/** One carried lab result on screen: test, value and unit, its flag, the range, and when it was done. */
export function CarriedResultText({ result }: { result: CarriedResult }) {
  const range = referenceRangeText(result);
  const value = [result.value, result.unit].filter((part) => part !== '').join(' ');
  return (
    <>
      {result.testName}: <strong>{value}</strong> <ResultFlag flag={result.flag} />
      {range !== '' && ` (${range})`} · {formatDateTime(result.recordedAt)}
    </>
  );
}
