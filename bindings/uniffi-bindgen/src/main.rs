//! The workspace's uniffi-bindgen, pinned to the same uniffi as `crossing-ffi`.
//! Run it through `bindings/scripts/generate.sh`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
