//! YUV4MPEG2 (Y4M) video of grey frames, the format Chromium plays as a camera with
//! `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=FILE.y4m`: a text
//! header, then each frame as `FRAME\n` and its planes, 4:2:0 (I420). Grey frames have neutral
//! chroma (128). Chromium loops the file at the header's frame rate.

use std::io::{self, Write};

/// Writes a video frame by frame to `out`.
pub struct Writer<W: Write> {
    out: W,
    width: usize,
    height: usize,
    chroma: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// Writes the header. Width and height must be even (4:2:0 halves both for the chroma).
    pub fn new(mut out: W, width: usize, height: usize, frames_per_second: u32) -> io::Result<Writer<W>> {
        if width == 0 || height == 0 || width % 2 == 1 || height % 2 == 1 || frames_per_second == 0 {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "Y4M: even, non-zero sizes and a frame rate"));
        }
        writeln!(out, "YUV4MPEG2 W{width} H{height} F{frames_per_second}:1 Ip A1:1 C420jpeg")?;
        Ok(Writer { out, width, height, chroma: vec![128; width * height / 4] })
    }

    /// One grey frame of `width × height` bytes.
    pub fn frame(&mut self, grey: &[u8]) -> io::Result<()> {
        if grey.len() != self.width * self.height {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "Y4M: a frame of the wrong size"));
        }
        self.out.write_all(b"FRAME\n")?;
        self.out.write_all(grey)?;
        self.out.write_all(&self.chroma)?;
        self.out.write_all(&self.chroma)
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_is_its_grey_plane_then_two_neutral_quarter_planes() {
        let mut writer = Writer::new(Vec::new(), 4, 2, 5).unwrap();
        writer.frame(&[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        let bytes = writer.finish().unwrap();
        let header = b"YUV4MPEG2 W4 H2 F5:1 Ip A1:1 C420jpeg\n";
        assert_eq!(&bytes[..header.len()], header);
        assert_eq!(&bytes[header.len()..], b"FRAME\n\x01\x02\x03\x04\x05\x06\x07\x08\x80\x80\x80\x80");
    }

    #[test]
    fn odd_sizes_and_frames_of_the_wrong_size_are_refused() {
        assert!(Writer::new(Vec::new(), 3, 2, 5).is_err());
        assert!(Writer::new(Vec::new(), 4, 2, 0).is_err());
        let mut writer = Writer::new(Vec::new(), 4, 2, 5).unwrap();
        assert!(writer.frame(&[0; 7]).is_err());
    }
}
