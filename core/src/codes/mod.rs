//! Border codes: the matrices are `crossing-codes` (shared with the paperwork and the fleet
//! server), re-exported here under their old paths; this module adds the PNG, SVG and terminal
//! writers the CLI and sharing use.

mod render;

pub use crossing_codes::*;
pub use render::{to_png, to_svg, to_terminal, LINEAR_BAR_HEIGHT};
