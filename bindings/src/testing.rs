//! Hooks for the shells' own tests, compiled only with the `test-hooks` feature (the Kotlin
//! tests build the library with it; the release library does not carry them).

/// Test-only: panics inside the library, so shells can check a Rust panic arrives as an
/// exception instead of killing the process.
#[uniffi::export]
pub fn test_panic(message: String) -> String {
    panic!("test panic: {message}");
}
