/**
 * Cookie values encrypted and authenticated with AES-GCM (WebCrypto), under a
 * key derived from SESSION_SECRET. The cookie's name is the additional data,
 * so a value sealed for one cookie cannot be replayed as another.
 */
export interface CookieSealer {
  seal(name: string, value: unknown): Promise<string>
  /** The value, or null for anything not sealed by this secret for this name (tampered, truncated, foreign). */
  open(name: string, sealed: string): Promise<unknown>
}

const IV_BYTES = 12

export function cookieSealer(secret: string): CookieSealer {
  const key = deriveKey(secret)
  const encoder = new TextEncoder()
  return {
    async seal(name, value) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(name) },
        await key,
        encoder.encode(JSON.stringify(value)),
      )
      return toBase64Url(new Uint8Array([...iv, ...new Uint8Array(ciphertext)]))
    },
    async open(name, sealed) {
      const bytes = fromBase64Url(sealed)
      if (!bytes || bytes.length <= IV_BYTES) return null
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: encoder.encode(name) },
          await key,
          bytes.slice(IV_BYTES),
        )
        return JSON.parse(new TextDecoder().decode(plain)) as unknown
      } catch {
        return null
      }
    },
  }
}

async function deriveKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(),
      info: new TextEncoder().encode('model-catalogue cookies'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (character) => character.charCodeAt(0))
  } catch {
    return null
  }
}
