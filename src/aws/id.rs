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

pub fn request_id() -> String {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let t = clock::unix_nanos() as u64;
    let hi = mix(t ^ n.rotate_left(32));
    let lo = mix(hi ^ n ^ 0x9e37_79b9_7f4a_7c15);
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
