//! The outline of a dark region: Moore-neighbour tracing from the region's first pixel, clockwise
//! on screen, with a step limit so a ragged region costs no more than a square one.

use crate::components::Component;

/// Neighbour offsets, clockwise on screen (y down) from east.
const STEPS: [(isize, isize); 8] = [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)];

/// Traces the outer outline of `region` in `dark` (width `width`) into `outline`, as pixel
/// coordinates. Returns false (and leaves a partial outline) when the outline is longer than
/// `max_steps`: a region that ragged is no marker.
pub fn trace(
    dark: &[u8],
    width: usize,
    height: usize,
    region: &Component,
    max_steps: usize,
    outline: &mut Vec<(i32, i32)>,
) -> bool {
    outline.clear();
    let is_dark = |x: isize, y: isize| {
        x >= 0 && y >= 0 && (x as usize) < width && (y as usize) < height && dark[y as usize * width + x as usize] != 0
    };
    let start = (region.start_x as isize, region.top as isize);
    outline.push((start.0 as i32, start.1 as i32));
    // The first pixel has no dark neighbour above or to its left: look from the north-west on,
    // as if it had been entered going north.
    let mut heading = 6;
    let mut first_heading = None;
    let mut at = start;
    for _ in 0..max_steps {
        // Moore's rule: start just after the last light neighbour seen before this pixel.
        let search_from = (heading + 7 - (heading & 1)) % 8;
        let Some(next) = (0..8).map(|k| (search_from + k) % 8).find(|&d| is_dark(at.0 + STEPS[d].0, at.1 + STEPS[d].1))
        else {
            return true; // a single pixel
        };
        if at == start {
            match first_heading {
                None => first_heading = Some(next),
                // Back at the start, leaving the way it first left: the outline is closed.
                Some(first) if first == next => {
                    outline.pop();
                    return true;
                }
                Some(_) => {}
            }
        }
        heading = next;
        at = (at.0 + STEPS[next].0, at.1 + STEPS[next].1);
        outline.push((at.0 as i32, at.1 as i32));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::Components;

    fn outline_of(picture: &[&str], max_steps: usize) -> (bool, Vec<(i32, i32)>) {
        let (width, height) = (picture[0].len(), picture.len());
        let dark: Vec<u8> = picture.iter().flat_map(|row| row.bytes().map(|b| u8::from(b == b'#'))).collect();
        let mut regions = Vec::new();
        Components::default().find(&dark, width, height, 1, 100, &mut regions);
        let mut outline = Vec::new();
        let closed = trace(&dark, width, height, &regions[0], max_steps, &mut outline);
        (closed, outline)
    }

    #[test]
    fn a_square_ring_is_outlined_clockwise_once_without_its_hole() {
        let (closed, outline) = outline_of(&["......", ".####.", ".#..#.", ".#..#.", ".####.", "......"], 100);
        assert!(closed);
        assert_eq!(
            outline,
            vec![(1, 1), (2, 1), (3, 1), (4, 1), (4, 2), (4, 3), (4, 4), (3, 4), (2, 4), (1, 4), (1, 3), (1, 2)]
        );
    }

    #[test]
    fn a_thin_line_is_walked_out_and_back() {
        let (closed, outline) = outline_of(&["###"], 100);
        assert!(closed);
        assert_eq!(outline, vec![(0, 0), (1, 0), (2, 0), (1, 0)]);
    }

    #[test]
    fn a_single_pixel_is_its_own_outline() {
        assert_eq!(outline_of(&["...", ".#.", "..."], 100), (true, vec![(1, 1)]));
    }

    #[test]
    fn an_outline_longer_than_the_limit_is_abandoned() {
        let (closed, outline) = outline_of(&["####", "####"], 3);
        assert!(!closed);
        assert_eq!(outline.len(), 4);
    }

    #[test]
    fn a_region_at_the_frame_edge_is_outlined_without_leaving_the_frame() {
        let (closed, outline) = outline_of(&["##", "##"], 100);
        assert!(closed);
        assert_eq!(outline, vec![(0, 0), (1, 0), (1, 1), (0, 1)]);
    }
}
