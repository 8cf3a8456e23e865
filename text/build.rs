//! Compresses the catalogues (raw deflate, level 9) into `OUT_DIR`, so the phone library carries
//! about a third of their text (ADR 0033, docs/benchmarks.md); `src/lib.rs` inflates a catalogue
//! when a `Text` is made. The decoder is flate2's, already in the library for gzip'd sync pages.

use std::io::Write;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    println!("cargo:rerun-if-changed=locales");
    for lang in ["en", "fr-CA", "pa", "es-MX"] {
        for file in ["crossing.ftl", "validation.ftl"] {
            let src = Path::new("locales").join(lang).join(file);
            println!("cargo:rerun-if-changed={}", src.display());
            let text = std::fs::read(&src).expect("catalogue");
            let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(&text).expect("deflate");
            let packed = z.finish().expect("deflate");
            std::fs::write(Path::new(&out).join(format!("{lang}-{file}.z")), packed)
                .expect("write");
        }
    }
}
