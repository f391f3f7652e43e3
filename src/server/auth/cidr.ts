/** A block of addresses, IPv4 ones held as IPv4-mapped IPv6 (::ffff:a.b.c.d) so both families compare alike. */
export interface CidrBlock {
  /** As written in the configuration, for messages. */
  text: string
  bytes: Uint8Array
  prefix: number
}

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : NaN))
  return bytes.every((byte) => byte <= 255) ? bytes : null
}

function parseIpv6(text: string): number[] | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return []
    const groups: number[] = []
    const parts = half.split(':')
    for (const [index, part] of parts.entries()) {
      // An IPv4 tail (::ffff:10.0.0.1) is the last two groups.
      if (index === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part)
        if (!v4) return null
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!)
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        groups.push(parseInt(part, 16))
      } else {
        return null
      }
    }
    return groups
  }
  const head = groupsOf(halves[0]!)
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : []
  if (!head || !tail) return null
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail]
  return groups.flatMap((group) => [group >> 8, group & 0xff])
}

/** An address as 16 bytes, or null when it is not one; a zone (`%eth0`) and brackets are ignored. */
export function parseAddress(text: string): Uint8Array | null {
  const bare = text
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
  const v4 = parseIpv4(bare)
  if (v4) return Uint8Array.from([...IPV4_MAPPED_PREFIX, ...v4])
  const v6 = bare.includes(':') ? parseIpv6(bare) : null
  return v6 ? Uint8Array.from(v6) : null
}

/** `10.0.0.0/8`, `fd00::/8`, or one address (a block of one); null when it is neither. */
export function parseCidr(text: string): CidrBlock | null {
  const [address, prefixText, ...rest] = text.trim().split('/')
  if (rest.length > 0 || address === undefined) return null
  const bytes = parseAddress(address)
  if (!bytes) return null
  const isV4 = parseIpv4(address.trim()) !== null
  const width = isV4 ? 32 : 128
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null
  const prefix = prefixText === undefined ? width : Number(prefixText)
  if (prefix > width) return null
  return { text: text.trim(), bytes, prefix: isV4 ? prefix + 96 : prefix }
}

/** Whether the address (as the socket gives it: `10.0.0.1`, `::ffff:10.0.0.1`, `::1`) is in one of the blocks. */
export function isInBlocks(address: string | undefined, blocks: readonly CidrBlock[]): boolean {
  const bytes = address ? parseAddress(address) : null
  if (!bytes) return false
  return blocks.some((block) => {
    const whole = Math.floor(block.prefix / 8)
    for (let index = 0; index < whole; index++) if (bytes[index] !== block.bytes[index]) return false
    const bits = block.prefix % 8
    if (bits === 0) return true
    const mask = (0xff << (8 - bits)) & 0xff
    return (bytes[whole]! & mask) === (block.bytes[whole]! & mask)
  })
}
