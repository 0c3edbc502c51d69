import { arrayBufferToBase64, base64ToArrayBuffer } from 'rxdb';

/** `Uint8Array.prototype.toBase64` and `Uint8Array.fromBase64`: native in Chromium 140 and later. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeBase64Constructor {
  fromBase64?: (base64: string) => Uint8Array;
}

const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeBase64Constructor).fromBase64;

/**
 * Base64 of sealed values. The native methods encode in one call; RxDB's helpers, kept where they
 * are missing (Node 22 in the unit tests), build a string one character per byte and call btoa:
 * about a second of the main thread in a first sync of 22,000 documents (profile in
 * docs/decisions/0010-first-sync.md). Both write the same standard alphabet with padding.
 */
export function bytesToBase64(data: ArrayBuffer | Uint8Array<ArrayBuffer>): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (nativeToBase64) return nativeToBase64.call(bytes);
  return arrayBufferToBase64(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64) return nativeFromBase64(base64) as Uint8Array<ArrayBuffer>;
  return new Uint8Array(base64ToArrayBuffer(base64));
}
