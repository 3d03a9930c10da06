//! The marker families the cards may use: their published bit patterns, their rotations, and
//! matching a read pattern to a marker with a Hamming-distance budget.
//!
//! Codes are kept row-major, most significant bit first (the top-left data cell), a 1 bit for a
//! white cell, as the marker stands upright in the family's reference images. The detector tries
//! the four rotations of every code, so a marker's identity never depends on how it is held.
//!
//! **AprilTag 36h11** (the cards' family, see `CARD_FAMILY`): the first 240 of its 587 codes, copied
//! as published in `tag36h11.c` of the AprilTag 3 library (github.com/AprilRobotics/apriltag),
//! Copyright (C) 2013-2016 The Regents of The University of Michigan, BSD 2-Clause licence; the bit
//! layout (`TAG36H11_BIT_X`, `TAG36H11_BIT_Y`) is that file's `bit_x`/`bit_y`. The same codes are
//! OpenCV's `DICT_APRILTAG_36h11` (the pattern turned 180°, which a rotation-blind reader cannot
//! tell apart); the extraction was checked against both.
//!
//! **ArUco 5x5** (kept for the measured comparison in `examples/bench.rs`): the first 240 codes of
//! OpenCV's `DICT_5X5_250` (modules/objdetect/src/aruco/predefined_dictionaries.hpp, Apache-2.0),
//! from the ArUco dictionaries of Garrido-Jurado et al. (2014).

/// A marker family: a square grid of data cells inside a one-cell black border, and its codes.
#[derive(Debug)]
pub struct Family {
    pub name: &'static str,
    /// Data cells along a side; the black border adds one cell on each side.
    pub side: usize,
    /// Each code in its four rotations (0°, 90°, 180°, 270° clockwise), row-major.
    rotations: &'static [[u64; 4]],
    /// The least number of differing cells between two codes of the table, in any rotation, and
    /// between a code and its own other rotations (checked by a test).
    pub min_distance: u32,
    /// The most cells a read may get wrong and still count. Far below half the minimum distance,
    /// so a misread needs many more wrong cells than a correct read may have.
    pub max_errors: u32,
}

/// The family the printed cards use: AprilTag 36h11 (minimum distance 11 among the 240 codes),
/// chosen over ArUco 5x5 by the measurements in `examples/bench.rs` (see the crate's README).
pub static CARD_FAMILY: &Family = &APRILTAG_36H11;

/// A read that matched a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMatch {
    /// Index into the family's codes.
    pub id: usize,
    /// Quarter turns clockwise from the reference orientation to the pattern as read.
    pub rotation: usize,
    /// Cells that differ from the code.
    pub errors: u32,
}

impl Family {
    pub fn len(&self) -> usize {
        self.rotations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rotations.is_empty()
    }

    /// Total cells of a marker along a side, black border included.
    pub fn cells(&self) -> usize {
        self.side + 2
    }

    /// The code of marker `id` in its reference orientation.
    pub fn code(&self, id: usize) -> Option<u64> {
        self.rotations.get(id).map(|r| r[0])
    }

    /// The fewest cells in which `read` differs from any code of the family, in any rotation.
    pub fn distance_to_nearest(&self, read: u64) -> u32 {
        self.rotations.iter().flatten().map(|code| (code ^ read).count_ones()).min().unwrap_or(u32::MAX)
    }

    /// The marker whose code, in some rotation, is nearest to `read`, if it is within
    /// `max_errors` and no other marker is as near (a tie means the read cannot be trusted).
    pub fn best_match(&self, read: u64) -> Option<CodeMatch> {
        let mut best: Option<CodeMatch> = None;
        let mut runner_up = u32::MAX;
        for (id, rotations) in self.rotations.iter().enumerate() {
            let (rotation, errors) = rotations
                .iter()
                .enumerate()
                .map(|(rotation, code)| (rotation, (code ^ read).count_ones()))
                .min_by_key(|&(_, errors)| errors)
                .unwrap_or((0, u32::MAX));
            match best {
                Some(b) if errors >= b.errors => runner_up = runner_up.min(errors),
                _ => {
                    if let Some(b) = best {
                        runner_up = runner_up.min(b.errors);
                    }
                    best = Some(CodeMatch { id, rotation, errors });
                }
            }
        }
        best.filter(|b| b.errors <= self.max_errors && runner_up > b.errors)
    }
}

/// A code turned a quarter clockwise: the cell at (row, col) moves to (col, side-1-row).
pub const fn rotate_clockwise(code: u64, side: usize) -> u64 {
    let bits = side * side;
    let mut out = 0;
    let mut row = 0;
    while row < side {
        let mut col = 0;
        while col < side {
            if (code >> (bits - 1 - (row * side + col))) & 1 == 1 {
                let (new_row, new_col) = (col, side - 1 - row);
                out |= 1 << (bits - 1 - (new_row * side + new_col));
            }
            col += 1;
        }
        row += 1;
    }
    out
}

const fn rotation_table<const N: usize>(codes: &[u64; N], side: usize) -> [[u64; 4]; N] {
    let mut out = [[0; 4]; N];
    let mut i = 0;
    while i < N {
        let r1 = rotate_clockwise(codes[i], side);
        let r2 = rotate_clockwise(r1, side);
        out[i] = [codes[i], r1, r2, rotate_clockwise(r2, side)];
        i += 1;
    }
    out
}

/// Where AprilTag's bit `i` (most significant first) sits: column `BIT_X[i]`, row `BIT_Y[i]`,
/// counted from the black border (so data cells are 1..=6).
const TAG36H11_BIT_X: [usize; 36] =
    [1, 2, 3, 4, 5, 2, 3, 4, 3, 6, 6, 6, 6, 6, 5, 5, 5, 4, 6, 5, 4, 3, 2, 5, 4, 3, 4, 1, 1, 1, 1, 1, 2, 2, 2, 3];
const TAG36H11_BIT_Y: [usize; 36] =
    [1, 1, 1, 1, 1, 2, 2, 2, 3, 1, 2, 3, 4, 5, 2, 3, 4, 3, 6, 6, 6, 6, 6, 5, 5, 5, 4, 6, 5, 4, 3, 2, 5, 4, 3, 4];

const fn tag36h11_row_major<const N: usize>(codes: &[u64; N]) -> [u64; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        let mut bit = 0;
        while bit < 36 {
            if (codes[i] >> (35 - bit)) & 1 == 1 {
                let cell = (TAG36H11_BIT_Y[bit] - 1) * 6 + (TAG36H11_BIT_X[bit] - 1);
                out[i] |= 1 << (35 - cell);
            }
            bit += 1;
        }
        i += 1;
    }
    out
}

/// `tag36h11.c`'s codes 0 to 239, as published (AprilTag's bit layout, 1 = white).
const TAG36H11: [u64; 240] = [
    0xd7e00984b,
    0xdda664ca7,
    0xdc4a1c821,
    0xe17b470e9,
    0xef91d01b1,
    0xf429cdd73,
    0x05da29225,
    0x1106cba43,
    0x223bed79d,
    0x21f51213c,
    0x33eb19ca6,
    0x3f76eb0f8,
    0x469a97414,
    0x45dcfe0b0,
    0x4a6465f72,
    0x51801db96,
    0x5eb946b4e,
    0x68a7cc2ec,
    0x6f0ba2652,
    0x78765559d,
    0x87b83d129,
    0x86cc4a5c5,
    0x8b64df90f,
    0x9c577b611,
    0xa3810f2f5,
    0xaf4d75b83,
    0xb59a03fef,
    0xbb1096f85,
    0xd1b92fc76,
    0xd0dd509d2,
    0xe2cfda160,
    0x2ff497c63,
    0x47240671b,
    0x5047a2e55,
    0x635ca87c7,
    0x691254166,
    0x68f43d94a,
    0x6ef24bdb6,
    0x8cdd8f886,
    0x9de96b718,
    0xaff6e5a8a,
    0xbae46f029,
    0xd225b6d59,
    0xdf8ba8c01,
    0xe3744a22f,
    0xfbb59375d,
    0x18a916828,
    0x22f29c1ba,
    0x286887d58,
    0x41392322e,
    0x75d18ecd1,
    0x87c302743,
    0x8c6317ba9,
    0x9e40f36d7,
    0xc0e5a806a,
    0xcc78cb87c,
    0x12d2f2d01,
    0x379f36a21,
    0x6973f59ac,
    0x7789ea9f4,
    0x8f1c73e84,
    0x8dd287a20,
    0x94a4eee4c,
    0xa455379b5,
    0xa9e92987d,
    0xbd25cb40b,
    0xbe98d3582,
    0xd3d5972b2,
    0x14c53d7c7,
    0x4f1796936,
    0x4e71fed1a,
    0x66d46fae0,
    0xa55abb933,
    0xebee1acca,
    0x1ad4ba6a4,
    0x305b17571,
    0x553611351,
    0x59ca62775,
    0x7819cb6a1,
    0xedb7bc9eb,
    0x5b2694212,
    0x72e12d185,
    0xed6152e2c,
    0x5bcdadbf3,
    0x78e0aa0c6,
    0xc60a0b909,
    0xef9a34b0d,
    0x398a6621a,
    0xa8a27c944,
    0x4b564304e,
    0x52902b4e2,
    0x857280b56,
    0xa91b2c84b,
    0xe91df939b,
    0x1fa405f28,
    0x23793ab86,
    0x68c17729f,
    0x9fbf3b840,
    0x36922413c,
    0x4eb5f946e,
    0x533fe2404,
    0x63de7d35e,
    0x925eddc72,
    0x99b8b3896,
    0xaace4c708,
    0xc22994af0,
    0x8f1eae41b,
    0xd95fb486c,
    0x13fb77857,
    0x4fe0983a3,
    0xd559bf8a9,
    0xe1855d78d,
    0xfec8daaad,
    0x71ecb6d95,
    0xdc9e50e4c,
    0xca3a4c259,
    0x740d12bbf,
    0xaeedd18e0,
    0xb509b9c8e,
    0x5232fea1c,
    0x19282d18b,
    0x76c22d67b,
    0x936beb34b,
    0x08a5ea8dd,
    0x679eadc28,
    0xa08e119c5,
    0x20a6e3e24,
    0x7eab9c239,
    0x96632c32e,
    0x470d06e44,
    0x8a70212fb,
    0x0a7e4251b,
    0x9ec762cc0,
    0xd8a3a1f48,
    0xdb680f346,
    0x4a1e93a9d,
    0x638ddc04f,
    0x4c2fcc993,
    0x01ef28c95,
    0xbf0d9792d,
    0x6d27557c3,
    0x623f977f4,
    0x35b43be57,
    0xbb0c428d5,
    0xa6f01474d,
    0x5a70c9749,
    0x20ddabc3b,
    0x2eabd78cf,
    0x90aa18f88,
    0xa9ea89350,
    0x3cdb39b22,
    0x839a08f34,
    0x169bb814e,
    0x1a575ab08,
    0xa04d3d5a2,
    0xbf7902f2b,
    0x095a5e65c,
    0x92e8fce94,
    0x67ef48d12,
    0x6400dbcac,
    0xb12d8fb9f,
    0x0347f45d3,
    0xb35826f56,
    0xc546ac6e4,
    0x81cc35b66,
    0x41d14bd57,
    0x0c052b168,
    0x7d6ce5018,
    0xab4ed5ede,
    0x5af817119,
    0xd1454b182,
    0x2badb090b,
    0x03fcb4c0c,
    0x2f1c28fd8,
    0x93608c6f7,
    0x4c93ba2b5,
    0x07d950a5d,
    0xe54b3d3fc,
    0x15560cf9d,
    0x189e4958a,
    0x62140e9d2,
    0x723bc1cdb,
    0x2063f26fa,
    0xfa08ab19f,
    0x7955641db,
    0x646b01daa,
    0x71cd427cc,
    0x09a42f7d4,
    0x717edc643,
    0x15eb94367,
    0x8392e6bb2,
    0x832408542,
    0x2b9b874be,
    0xb21f4730d,
    0xb5d8f24c9,
    0x7dbaf6931,
    0x1b4e33629,
    0x13452e710,
    0xe974af612,
    0x1df61d29a,
    0x99f2532ad,
    0xe50ec71b4,
    0x5df0a36e8,
    0x4934e4cea,
    0xe34a0b4bd,
    0xb7b26b588,
    0x0f255118d,
    0xd0c8fa31e,
    0x06a50c94f,
    0xf28aa9f06,
    0x131d194d8,
    0x622e3da79,
    0xac7478303,
    0xc8f2521d7,
    0x6c9c881f5,
    0x49e38b60a,
    0x513d8df65,
    0xd7c2b0785,
    0x9f6f9d75a,
    0x9f6966020,
    0x1e1a54e33,
    0xc04d63419,
    0x946e04cd7,
    0x1bdac5902,
    0x56469b830,
    0xffad59569,
    0x86970e7d8,
    0x8a4b41e12,
    0xad4688e3b,
    0x85f8f5df4,
    0xd833a0893,
    0x2a36fdd7c,
    0xd6a857cf2,
    0x8829bc35c,
    0x5e50d79bc,
    0xfbb8035e4,
    0xc1a95bebf,
    0x036b0baf8,
    0xe0da964ea,
    0xb6483689b,
];

static TAG36H11_ROTATIONS: [[u64; 4]; 240] = rotation_table(&tag36h11_row_major(&TAG36H11), 6);

pub static APRILTAG_36H11: Family =
    Family { name: "AprilTag 36h11", side: 6, rotations: &TAG36H11_ROTATIONS, min_distance: 11, max_errors: 4 };

/// OpenCV's `DICT_5X5_250` codes 0 to 239 (row-major, 1 = white, as OpenCV's first rotation).
const ARUCO_5X5: [u64; 240] = [
    0x145b2bc, 0x01c06e6, 0x1af0edd, 0x10395f7, 0x1aeb524, 0x1d4082d, 0x0d3d7ec, 0x0e2146b, 0x10d6132, 0x1313fa5,
    0x13cee03, 0x1a2dac0, 0x1e62b11, 0x05e7166, 0x1fcfca8, 0x051e37f, 0x097a758, 0x0bea26f, 0x0f64dc4, 0x1061de8,
    0x12dda75, 0x150e440, 0x16b0ca1, 0x0ba12de, 0x19cd023, 0x1a59972, 0x1c3ce8b, 0x0224246, 0x03b9672, 0x024223b,
    0x027376e, 0x0368873, 0x040d0ce, 0x04aaac8, 0x04643ba, 0x07a6fea, 0x0998aac, 0x082d101, 0x09aad1d, 0x0863c72,
    0x0ad2825, 0x0a52f9e, 0x0d849f7, 0x0c309d9, 0x0da7e31, 0x0e9627a, 0x0e9b997, 0x0f94806, 0x0f59125, 0x0f6b7d7,
    0x11b58e4, 0x11ad279, 0x11e380b, 0x1169445, 0x12ffb4a, 0x158cb8d, 0x15987f0, 0x1422fdf, 0x14e1227, 0x156df22,
    0x173dbf1, 0x164c93c, 0x17cbb86, 0x1880a87, 0x19147dd, 0x184eb8a, 0x18d85ad, 0x1b2cda9, 0x1babd73, 0x1e9d432,
    0x1e76528, 0x0f5740a, 0x1b11a53, 0x018ce65, 0x02ab219, 0x098e981, 0x0a8061c, 0x141a158, 0x185314c, 0x196d12c,
    0x1fad3a2, 0x00922b5, 0x019bce0, 0x00b547c, 0x002c76f, 0x0132289, 0x012d2a7, 0x00c4b43, 0x0067bc5, 0x00faa0d,
    0x01f1f54, 0x038e879, 0x0323b23, 0x02c3647, 0x02da51b, 0x02e9d8d, 0x027c562, 0x03efdf5, 0x0521ee0, 0x0448efd,
    0x0542f81, 0x055f6c9, 0x047e008, 0x04f9bf8, 0x046d558, 0x05ef65e, 0x0692188, 0x06013ad, 0x068bc21, 0x072a5d0,
    0x06400e2, 0x06dce3a, 0x0891409, 0x089d9fd, 0x08a3ee5, 0x08a952a, 0x08c277d, 0x09d0612, 0x08ee533, 0x09f04fb,
    0x0b86f1b, 0x0b1faee, 0x0a36ff0, 0x0b275f6, 0x0b53332, 0x0a603e1, 0x0a798cf, 0x0a6dc02, 0x0b64b5f, 0x0bfab99,
    0x0cacc85, 0x0cb8f5e, 0x0cc6ea2, 0x0ce198b, 0x0e12cbb, 0x0f8c701, 0x0f35752, 0x0e47a8c, 0x0e7cb65, 0x1084d18,
    0x113e202, 0x10d5dd3, 0x11447f3, 0x1286ae3, 0x1388a36, 0x12a3f49, 0x12d1b20, 0x12e4d6e, 0x1366ece, 0x1378dc1,
    0x14134dd, 0x148a50d, 0x151610b, 0x15b3684, 0x15fe0b1, 0x1605cc7, 0x1601e30, 0x179d565, 0x17d8899, 0x16705f4,
    0x166b079, 0x17e8bdc, 0x17eac67, 0x18875e0, 0x199d306, 0x18a6601, 0x19a44c7, 0x18c1115, 0x18d287e, 0x195dd09,
    0x19f4e25, 0x196c3c5, 0x1a005d2, 0x1b96e8c, 0x1b31709, 0x1b39d64, 0x1a53281, 0x1a5a22e, 0x1bcb4dd, 0x1b48e85,
    0x1b67820, 0x1b71f92, 0x1d031c7, 0x1ca38de, 0x1c35c71, 0x1db72f7, 0x1d3c064, 0x1d6ba18, 0x1dff33a, 0x1f02202,
    0x1f00fa6, 0x1ec0441, 0x1ec36bf, 0x1fd6bda, 0x1f46671, 0x1f49583, 0x1ee5ee1, 0x1efd5f9, 0x1fe3129, 0x1f746bc,
    0x0d1705e, 0x1321e17, 0x133b04d, 0x1c8be1d, 0x03a20dd, 0x0558261, 0x06882c7, 0x06f80e9, 0x07e6b97, 0x0ad4098,
    0x0ae7073, 0x0cd3170, 0x0e74a2e, 0x0fe59fb, 0x1168fd2, 0x14b872e, 0x15353d6, 0x16a336e, 0x165b533, 0x18983e8,
    0x195723c, 0x1b0df47, 0x1bf1b1c, 0x1cacd1f, 0x1da8e35, 0x1e0cf0d, 0x00853dd, 0x000468f, 0x00145f6, 0x009919c,
    0x001a5c3, 0x018141e, 0x011178c, 0x0190cb6, 0x00b03fa, 0x002e23c, 0x003842b, 0x003cee2, 0x012537e, 0x01a2037,
];

static ARUCO_5X5_ROTATIONS: [[u64; 4]; 240] = rotation_table(&ARUCO_5X5, 5);

pub static ARUCO_5X5_250: Family =
    Family { name: "ArUco 5x5", side: 5, rotations: &ARUCO_5X5_ROTATIONS, min_distance: 6, max_errors: 1 };

#[cfg(test)]
mod tests {
    use super::*;

    /// The least distance between two markers (any rotations) and between a marker's rotations.
    fn measured_min_distance(family: &Family) -> u32 {
        let mut min = u32::MAX;
        for (i, a) in family.rotations.iter().enumerate() {
            for r in 1..4 {
                min = min.min((a[0] ^ a[r]).count_ones());
            }
            for b in &family.rotations[i + 1..] {
                for code in b {
                    min = min.min((a[0] ^ code).count_ones());
                }
            }
        }
        min
    }

    #[test]
    fn families_have_the_minimum_distance_they_claim() {
        for family in [&APRILTAG_36H11, &ARUCO_5X5_250] {
            assert_eq!(measured_min_distance(family), family.min_distance, "{}", family.name);
            assert!(2 * family.max_errors < family.min_distance, "{}", family.name);
        }
    }

    #[test]
    fn apriltag_codes_are_laid_out_as_in_the_published_images() {
        // Tag 0 of 36h11 as AprilTag's `apriltag_to_image` draws it (row `bit_y`, column `bit_x`),
        // top row first, 1 = white.
        let tag0_rows = ["110101", "011101", "011000", "101000", "010110", "000100"];
        let expected = tag0_rows.iter().fold(0u64, |acc, row| (acc << 6) | u64::from_str_radix(row, 2).unwrap());
        assert_eq!(APRILTAG_36H11.code(0), Some(expected));
    }

    #[test]
    fn four_quarter_turns_give_the_code_back() {
        for code in [0x8f76feb44u64, 0xd7e00984b, 1, 0] {
            let mut turned = code;
            for _ in 0..4 {
                turned = rotate_clockwise(turned, 6);
            }
            assert_eq!(turned, code);
        }
        // The top-left cell goes to the top-right.
        assert_eq!(rotate_clockwise(1 << 35, 6), 1 << 30);
    }

    #[test]
    fn a_read_within_the_error_budget_matches_in_any_rotation() {
        let family = &APRILTAG_36H11;
        for id in [0, 17, 239] {
            for rotation in 0..4 {
                let code = family.rotations[id][rotation];
                let damaged = code ^ 0b1001_0000_0000_0000_0011; // four cells wrong
                assert_eq!(family.best_match(damaged), Some(CodeMatch { id, rotation, errors: 4 }));
            }
        }
    }

    #[test]
    fn a_read_with_too_many_wrong_cells_matches_nothing() {
        let code = APRILTAG_36H11.code(5).unwrap();
        assert_eq!(APRILTAG_36H11.best_match(code ^ 0b11111), None);
    }

    #[test]
    fn patterns_that_are_no_marker_match_nothing() {
        for read in [0, u64::MAX >> 28, 0xf_0f0f_0f0f] {
            assert_eq!(APRILTAG_36H11.best_match(read), None, "{read:x}");
        }
    }
}
