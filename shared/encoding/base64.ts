/** Base64 (RFC 4648 §4) and its URL-safe form without padding (§5), on WebCrypto's byte arrays. */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const BASE64URL = /^[A-Za-z0-9_-]+$/;
