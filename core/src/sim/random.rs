//! The draws: how a projection varies from one draw to the next, and the seeded random numbers behind it.
//!
//! # Uncertainty
//!
//! In each draw, an indicator's projection is off by one factor `f = max(0, 1 + σ × Z)`, `Z` standard normal,
//! `σ` the spread, the same for all its years (a ward behind in one year tends to be behind in the next):
//! a flow's values become `X̃(y) = X(y) × f`, a level's change since the start `X̃(y) = s + (X(y) − s) × f`;
//! then kept within `[0, cap]`. Recorded years don't vary. A target's probability is the share of draws in
//! which it is reached. The values, attainments and grades shown per target are those of the formula itself
//! (`σ = 0`).
//!
//! # Random numbers
//!
//! SplitMix64: `state += 0x9E3779B97F4A7C15`; `z = state`; `z = (z ^ z >> 30) × 0xBF58476D1CE4E5B9`;
//! `z = (z ^ z >> 27) × 0x94D049BB133111EB`; output `z ^ z >> 31` (wrapping). A uniform `u = (output >> 11) × 2⁻⁵³`.
//! Normals by Box–Muller in Marsaglia's polar form: `a = 2u − 1`, `b = 2u' − 1` from two uniforms, drawn again
//! until `0 < q = a² + b² < 1`; then `a × √(−2 ln q ÷ q)`, and `b × √(−2 ln q ÷ q)` as the next normal.
//! Each indicator has its own stream, started at `seed XOR FNV-1a-64("<owner id>/<indicator id>")`, so its
//! numbers don't depend on which other plans are loaded. Per draw, a numeric indicator takes one `Z` (none
//! when `σ = 0`); a milestone takes one `u` and is completed when `u < p`.

/// FNV-1a, 64 bits: a stable hash, unlike std's, so a seed means the same numbers in every build.
pub(super) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// SplitMix64 (Steele, Lea & Flood, 2014) with a Box–Muller normal sampler: small, fast, and fully specified
/// in this file's docs, so the numbers can be reproduced anywhere.
pub(super) struct SplitMix64 {
    state: u64,
    spare: Option<f64>,
}

impl SplitMix64 {
    pub(super) fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed, spare: None }
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(super) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Box–Muller in Marsaglia's polar form: the same normals without sine and cosine, which dominated the
    /// run time (and are slower still in wasm).
    pub(super) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let (u, v) = (2.0 * self.uniform() - 1.0, 2.0 * self.uniform() - 1.0);
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}
