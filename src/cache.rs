//! A cache hint shared by the two models whose cost is memory latency (the
//! entity tagger's weight rows and the syntax model's feature table).

/// Cache hint for the line holding `p` (no effect on results).
#[inline(always)]
pub(crate) fn prefetch(p: &u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `_mm_prefetch` is only a hint: it never faults and has no
    // architectural effect; the pointer comes from a live reference and SSE
    // is part of the x86_64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (p as *const u8).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
