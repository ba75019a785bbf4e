//! The lossless rendering: the normalised input, byte for byte (`Parsed::render`).

use vanban_syntax::Parsed;

/// The text the tree renders back to: the normalised input, byte for byte.
pub fn text(parsed: &Parsed) -> String {
    parsed.render()
}
