//! Request ids as AWS sends them: a fresh UUID (version 4 layout) per request.
//! The time and a process-wide counter go through a mixing function, so ids made
//! in the same nanosecond differ, and no two requests of one process share one.

use std::sync::atomic::{AtomicU64, Ordering};

use super::clock;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// SplitMix64's finalizer: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// 128 fresh bits, as a request id holds them.
fn fresh() -> (u64, u64) {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let t = clock::unix_nanos() as u64;
    let hi = mix(t ^ n.rotate_left(32));
    let lo = mix(hi ^ n ^ 0x9e37_79b9_7f4a_7c15);
    (hi, lo)
}

/// A fresh id as 32 lowercase hex digits (a stream record's eventID), written
/// into `out` without an intermediate string.
pub fn write_hex_id(out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let (hi, lo) = fresh();
    for word in [hi, lo] {
        for shift in (0..16).rev() {
            out.push(HEX[((word >> (shift * 4)) & 0xf) as usize]);
        }
    }
}

pub fn request_id() -> String {
    let (hi, lo) = fresh();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xfff,
        0x8000 | (lo >> 48) & 0x3fff,
        lo & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_ids_are_fresh_and_32_digits() {
        let ids: std::collections::HashSet<Vec<u8>> = (0..10_000)
            .map(|_| {
                let mut v = Vec::new();
                write_hex_id(&mut v);
                v
            })
            .collect();
        assert_eq!(ids.len(), 10_000);
        assert!(
            ids.iter()
                .all(|v| v.len() == 32 && v.iter().all(u8::is_ascii_hexdigit))
        );
    }

    #[test]
    fn fresh_and_shaped_like_a_uuid() {
        let ids: std::collections::HashSet<String> = (0..10_000).map(|_| request_id()).collect();
        assert_eq!(ids.len(), 10_000);
        let id = request_id();
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
    }
}
