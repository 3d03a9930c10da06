//! Connected regions of dark pixels (8-connected), found run by run with a union-find: each
//! region's bounding box, size and its first pixel in reading order, where tracing its outline
//! starts.

/// A dark region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Component {
    /// Bounding box: columns `left..right`, rows `top..bottom`.
    pub left: usize,
    pub top: usize,
    pub right: usize,
    pub bottom: usize,
    /// Dark pixels in the region.
    pub area: usize,
    /// Column of the region's first pixel in its top row (that row is `top`).
    pub start_x: usize,
}

impl Component {
    pub fn width(&self) -> usize {
        self.right - self.left
    }

    pub fn height(&self) -> usize {
        self.bottom - self.top
    }
}

/// A horizontal run of dark pixels: columns `x0..x1` of row `y`.
#[derive(Debug, Clone, Copy)]
struct Run {
    y: u32,
    x0: u32,
    x1: u32,
}

/// Scratch space, kept between frames so a steady stream of frames allocates nothing.
#[derive(Debug, Default)]
pub struct Components {
    runs: Vec<Run>,
    parent: Vec<u32>,
    stats: Vec<Component>,
}

impl Components {
    /// The regions of `dark` (one byte a pixel, nonzero dark) whose bounding box is at least
    /// `min_side` and at most `max_side` pixels on each side, into `out`.
    pub fn find(
        &mut self,
        dark: &[u8],
        width: usize,
        height: usize,
        min_side: usize,
        max_side: usize,
        out: &mut Vec<Component>,
    ) {
        out.clear();
        self.runs.clear();
        self.parent.clear();
        let mut previous_row = 0..0;
        for y in 0..height {
            let row = &dark[y * width..][..width];
            let row_start = self.runs.len();
            let mut x = 0;
            while x < width {
                if row[x] == 0 {
                    x += 1;
                    continue;
                }
                let x0 = x;
                while x < width && row[x] != 0 {
                    x += 1;
                }
                let index = self.runs.len() as u32;
                self.runs.push(Run { y: y as u32, x0: x0 as u32, x1: x as u32 });
                self.parent.push(index);
                // Join every run of the row above that touches this one, diagonals included.
                // Runs of a row are in order, so the cursor only moves forward: linear time.
                while previous_row.start < previous_row.end && (self.runs[previous_row.start].x1 as usize) < x0 {
                    previous_row.start += 1;
                }
                let mut above = previous_row.start;
                while above < previous_row.end && self.runs[above].x0 as usize <= x {
                    self.union(above as u32, index);
                    above += 1;
                }
            }
            previous_row = row_start..self.runs.len();
        }

        // Gather each region's statistics at its root; runs come in reading order, so the
        // first run seen of a region holds its first pixel.
        self.stats.clear();
        self.stats.resize(self.runs.len(), Component { left: 0, top: 0, right: 0, bottom: 0, area: 0, start_x: 0 });
        for i in 0..self.runs.len() {
            let root = self.root(i as u32) as usize;
            let run = self.runs[i];
            let (y, x0, x1) = (run.y as usize, run.x0 as usize, run.x1 as usize);
            let s = &mut self.stats[root];
            if s.area == 0 {
                *s = Component { left: x0, top: y, right: x1, bottom: y + 1, area: 0, start_x: x0 };
            }
            s.left = s.left.min(x0);
            s.right = s.right.max(x1);
            s.bottom = s.bottom.max(y + 1);
            s.area += x1 - x0;
        }
        for (i, s) in self.stats.iter().enumerate() {
            let (w, h) = (s.width(), s.height());
            if self.parent[i] == i as u32 && (min_side..=max_side).contains(&w) && (min_side..=max_side).contains(&h) {
                out.push(*s);
            }
        }
    }

    fn root(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            // Path halving keeps the trees flat.
            let grandparent = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = grandparent;
            i = grandparent;
        }
        i
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.root(a), self.root(b));
        // The earlier run stays the root, so a region's root is its first run.
        if ra < rb {
            self.parent[rb as usize] = ra;
        } else if rb < ra {
            self.parent[ra as usize] = rb;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(picture: &[&str], min_side: usize) -> Vec<Component> {
        let width = picture[0].len();
        let dark: Vec<u8> = picture.iter().flat_map(|row| row.bytes().map(|b| u8::from(b == b'#'))).collect();
        let mut out = Vec::new();
        Components::default().find(&dark, width, picture.len(), min_side, 100, &mut out);
        out
    }

    #[test]
    fn diagonal_neighbours_join_one_region_and_separate_shapes_do_not() {
        let found = regions(&["#....##", ".#...##", "..#....", ".....#."], 1);
        assert_eq!(
            found,
            vec![
                Component { left: 0, top: 0, right: 3, bottom: 3, area: 3, start_x: 0 },
                Component { left: 5, top: 0, right: 7, bottom: 2, area: 4, start_x: 5 },
                Component { left: 5, top: 3, right: 6, bottom: 4, area: 1, start_x: 5 },
            ]
        );
    }

    #[test]
    fn a_u_shape_is_one_region_whose_start_is_its_top_left_pixel() {
        let found = regions(&[".#...#", ".#...#", ".#####"], 1);
        assert_eq!(found, vec![Component { left: 1, top: 0, right: 6, bottom: 3, area: 9, start_x: 1 }]);
    }

    #[test]
    fn regions_smaller_than_asked_are_left_out() {
        assert_eq!(regions(&["##..", "##..", "...#"], 2).len(), 1);
    }
}
