//! What drawing result codes adds to the student's app, for `scripts/bench.sh qr`: built for
//! wasm32 as a cdylib that draws bytes and writes the SVG path, once with the drawing
//! (`draw_size`) and once with everything but it (`draw_baseline`: the same allocation and
//! number formatting, which the app has anyway). The difference of the two after wasm-opt -Oz is
//! the drawing's cost.

static mut OUT: [u8; 16384] = [0; 16384];

/// Draws the `len` bytes at `ptr`; returns the path's length (its bytes in `OUT`).
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn draw(ptr: *const u8, len: usize) -> usize {
    let bytes = unsafe { core::slice::from_raw_parts(ptr, len) };
    let Ok(drawing) = aware_qr::draw(bytes) else { return 0 };
    let path = format!("{} {}", drawing.view_box(), drawing.path());
    let out = unsafe { &mut *core::ptr::addr_of_mut!(OUT) };
    let n = path.len().min(out.len());
    out[..n].copy_from_slice(&path.as_bytes()[..n]);
    n
}
