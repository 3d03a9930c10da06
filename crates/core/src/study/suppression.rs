//! Small-cell suppression: which numbers of a report may be shown.
//!
//! A count of 2 in a class table tells the teacher what two identifiable students answered. The
//! rules (content-facts §5.7; NCES 2011-603):
//!
//! - **Minimum group size** `k` ([`MinGroupSize`]): 10 by default, configurable, never below 5.
//! - **Primary suppression**: a count from 1 to `k − 1` is hidden, and so is a group (a row) of
//!   fewer than `k`; a whole table of fewer than `k` shows nothing. Zero is shown: it is not a
//!   person.
//! - **Complementary suppression**: more cells are hidden until no hidden count can be worked out
//!   from the totals. Tables are published with row totals, column totals and a grand total, so a
//!   hidden cell alone in its row would be the row total minus the rest.
//! - **Top and bottom coding** ([`Percent`]): a share that rounds to 95 % or more is shown as
//!   "≥ 95 %", one that rounds to 5 % or less as "≤ 5 %".
//!
//! How complementary suppression is guaranteed. Write the table with its margins as an
//! `(r+1)×(c+1)` grid. Each row and each column of the grid is one equation (the cells add up to
//! the total), so the grid is a bipartite graph — one node per grid row, one per grid column, one
//! edge per cell — where every node's edges satisfy one linear equation. The hidden cells'
//! possible values are a particular solution plus the cycle space of the hidden edges: adding +1
//! and −1 alternately around a cycle of hidden cells keeps every equation true. So a hidden cell
//! can be derived exactly if and only if it lies on no cycle of hidden cells. The algorithm hides
//! more cells until every hidden cell lies on a cycle of hidden cells that are all at least 1, so
//! the ±1 change also keeps every count non-negative: there are always at least two tables, one
//! with that cell one higher and one with it one lower, that agree with everything shown.
//!
//! What this does not promise: an interval wider than ±1. An observer still learns bounds from
//! the totals (a hidden cell is never more than its row total). Pair counts with percentage
//! bands, and prefer showing fewer, coarser tables.

use std::fmt;

/// The smallest group whose results may be shown. The type cannot hold less than [`Self::FLOOR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MinGroupSize(u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BelowFloor {
    pub requested: u32,
}

/// A table of counts: rows are groups (a class, a phase), columns are categories (an answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    rows: Vec<Vec<u32>>,
    columns: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableError {
    Empty,
    /// Row `row` (from 0) has a different number of cells than the first.
    Ragged {
        row: usize,
    },
}

/// A cell as the report may show it. A hidden cell carries no value, only why it is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Shown(u64),
    Hidden(Reason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Fewer than `k` in the whole table: nothing is shown.
    TableTooSmall,
    /// A row (a group) has fewer than `k` members (fewer than 2k, for the results of single
    /// questions).
    GroupTooSmall,
    /// Showing it would tell a number of students from 1 to `k − 1`: a count, the rest of a
    /// group, the few off an end of a scale, the few who changed an answer.
    SmallCount,
    /// Hidden so that another hidden cell cannot be worked out from the totals.
    Complementary,
}

/// The table as it may be shown, margins included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressedTable {
    /// `(rows + 1) × (columns + 1)`: the last column holds row totals, the last row column
    /// totals, the corner the grand total.
    grid: Vec<Vec<Cell>>,
}

/// A percentage as shown, rounded to whole percent (halves up) and top/bottom coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Percent {
    AtMost5,
    Exact(u8),
    AtLeast95,
}

impl MinGroupSize {
    pub const FLOOR: u32 = 5;
    pub const DEFAULT: MinGroupSize = MinGroupSize(10);

    pub fn new(k: u32) -> Result<MinGroupSize, BelowFloor> {
        if k < MinGroupSize::FLOOR {
            return Err(BelowFloor { requested: k });
        }
        Ok(MinGroupSize(k))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Whether a group of `n` may be reported (for example, a class's mean change, which needs
    /// this for both the pre- and the post-test).
    pub fn allows(self, n: u64) -> bool {
        n >= u64::from(self.0)
    }

    /// Whether a group of `n` may have results about single questions: at least 2k, so that two
    /// reports of groups smaller than that (k students, then k + 1 after one more file) show no
    /// question's results at all, and cannot be compared question by question.
    pub fn allows_questions(self, n: u64) -> bool {
        n >= 2 * u64::from(self.0)
    }

    /// Whether showing that `count` of `whole` answered one way tells no number of students from 1
    /// to k − 1: neither the count nor the rest of the whole may be one. Zero is not a person.
    pub fn tells_no_few(self, count: u64, whole: u64) -> bool {
        let few = |n: u64| (1..u64::from(self.0)).contains(&n);
        !few(count) && !few(whole.saturating_sub(count))
    }

    /// Whether the mean of whole-number answers (a score, a 1–5 answer) of a group of `whole` may
    /// be shown, given how many gave the lowest and the highest possible value: at least k must
    /// be away from each end. Otherwise the mean is within k steps of an end, and tells how few
    /// are off it ("4.9 on a 1–5 scale from 10 students": one student answered 4).
    pub fn away_from_ends(self, at_lowest: u64, at_highest: u64, whole: u64) -> bool {
        self.allows(whole.saturating_sub(at_lowest)) && self.allows(whole.saturating_sub(at_highest))
    }
}

/// A distribution of a group over categories (counts that add up to the group) as it may be
/// shown: a count is hidden when it, or the rest of the group, is from 1 to k − 1
/// ([`MinGroupSize::tells_no_few`]); if that leaves one count hidden, it would be the group minus
/// the others, so the smallest shown count is hidden with it. Two or more hidden counts with a
/// known sum can each be anything from 0 to that sum.
pub fn suppress_distribution(counts: &[u64], k: MinGroupSize) -> Vec<Cell> {
    let whole: u64 = counts.iter().sum();
    let mut cells: Vec<Cell> = counts
        .iter()
        .map(|&count| if k.tells_no_few(count, whole) { Cell::Shown(count) } else { Cell::Hidden(Reason::SmallCount) })
        .collect();
    let hidden = cells.iter().filter(|cell| matches!(cell, Cell::Hidden(_))).count();
    if hidden == 1 {
        let smallest = (0..cells.len()).filter(|&i| matches!(cells[i], Cell::Shown(_))).min_by_key(|&i| (counts[i], i));
        if let Some(i) = smallest {
            cells[i] = Cell::Hidden(Reason::Complementary);
        }
    }
    cells
}

impl Default for MinGroupSize {
    fn default() -> MinGroupSize {
        MinGroupSize::DEFAULT
    }
}

impl Table {
    pub fn new(rows: Vec<Vec<u32>>) -> Result<Table, TableError> {
        let columns = rows.first().map_or(0, Vec::len);
        if columns == 0 {
            return Err(TableError::Empty);
        }
        if let Some(row) = rows.iter().position(|row| row.len() != columns) {
            return Err(TableError::Ragged { row });
        }
        Ok(Table { rows, columns })
    }

    pub fn suppress(&self, k: MinGroupSize) -> SuppressedTable {
        let grid = with_margins(self);
        let (height, width) = (grid.len(), self.columns + 1);
        let total = grid[height - 1][width - 1];
        if total > 0 && !k.allows(total) {
            return SuppressedTable { grid: vec![vec![Cell::Hidden(Reason::TableTooSmall); width]; height] };
        }

        let mut hidden: Vec<Vec<Option<Reason>>> = vec![vec![None; width]; height];
        for (r, row) in grid.iter().enumerate() {
            for (c, &value) in row.iter().enumerate() {
                if value > 0 && !k.allows(value) {
                    let is_row_total = c == width - 1 && r < height - 1;
                    hidden[r][c] = Some(if is_row_total { Reason::GroupTooSmall } else { Reason::SmallCount });
                }
            }
        }
        if !complete(&grid, &mut hidden) {
            // Unreachable by the argument in `complete`; if it ever happens, show nothing.
            return SuppressedTable { grid: vec![vec![Cell::Hidden(Reason::Complementary); width]; height] };
        }

        let grid = grid
            .iter()
            .zip(&hidden)
            .map(|(values, reasons)| {
                values
                    .iter()
                    .zip(reasons)
                    .map(|(&value, reason)| reason.map_or(Cell::Shown(value), Cell::Hidden))
                    .collect()
            })
            .collect();
        SuppressedTable { grid }
    }
}

impl SuppressedTable {
    pub fn rows(&self) -> usize {
        self.grid.len() - 1
    }

    pub fn columns(&self) -> usize {
        self.grid[0].len() - 1
    }

    /// Panics when out of range, like slice indexing.
    pub fn cell(&self, row: usize, column: usize) -> Cell {
        assert!(row < self.rows() && column < self.columns(), "cell ({row}, {column}) is outside the table");
        self.grid[row][column]
    }

    pub fn row_total(&self, row: usize) -> Cell {
        assert!(row < self.rows(), "row {row} is outside the table");
        self.grid[row][self.columns()]
    }

    pub fn column_total(&self, column: usize) -> Cell {
        assert!(column < self.columns(), "column {column} is outside the table");
        self.grid[self.rows()][column]
    }

    pub fn total(&self) -> Cell {
        self.grid[self.rows()][self.columns()]
    }

    /// The cell's share of its row, only when both are shown.
    pub fn share_of_row(&self, row: usize, column: usize) -> Option<Percent> {
        match (self.cell(row, column), self.row_total(row)) {
            (Cell::Shown(part), Cell::Shown(whole)) => Percent::of(part, whole),
            _ => None,
        }
    }
}

impl Percent {
    /// `None` when `whole` is 0 or smaller than `part`.
    pub fn of(part: u64, whole: u64) -> Option<Percent> {
        Some(match Percent::whole(part, whole)? {
            ..=5 => Percent::AtMost5,
            95.. => Percent::AtLeast95,
            exact => Percent::Exact(exact),
        })
    }

    /// `part` of `whole` in whole percent, halves rounded up, in exact integer arithmetic:
    /// `⌊(200·part + whole) / (2·whole)⌋`. The one rounding rule of every share Aware shows (a
    /// report's, before its top and bottom coding; a classroom poll's). `None` when `whole` is 0
    /// or smaller than `part`.
    pub fn whole(part: u64, whole: u64) -> Option<u8> {
        if whole == 0 || part > whole {
            return None;
        }
        let rounded = (u128::from(part) * 200 + u128::from(whole)) / (2 * u128::from(whole));
        u8::try_from(rounded).ok()
    }
}

/// In JSON, a whole percentage is a number (`63`) and a coded one a string (`"at_most_5"`,
/// `"at_least_95"`), so a reader cannot mistake a coded share for an exact 5 or 95.
impl serde::Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Percent::AtMost5 => serializer.serialize_str("at_most_5"),
            Percent::Exact(value) => serializer.serialize_u8(*value),
            Percent::AtLeast95 => serializer.serialize_str("at_least_95"),
        }
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Percent::AtMost5 => write!(f, "≤ 5 %"),
            Percent::Exact(value) => write!(f, "{value} %"),
            Percent::AtLeast95 => write!(f, "≥ 95 %"),
        }
    }
}

impl fmt::Display for BelowFloor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a minimum group size of {} is below the floor of {}", self.requested, MinGroupSize::FLOOR)
    }
}

impl std::error::Error for BelowFloor {}

fn with_margins(table: &Table) -> Vec<Vec<u64>> {
    let mut grid: Vec<Vec<u64>> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<u64> = row.iter().map(|&value| u64::from(value)).collect();
            cells.push(cells.iter().sum());
            cells
        })
        .collect();
    let totals = (0..=table.columns).map(|c| grid.iter().map(|row| row[c]).sum()).collect();
    grid.push(totals);
    grid
}

/// Hides more cells (never zeros) until every hidden cell lies on a cycle of hidden cells.
/// Returns false only if no cell could be found to close a cycle, which the margins rule out:
/// for a hidden interior cell `(r, c)`, the rectangle through its row total, its column total
/// and the grand total is all non-zero; for a hidden row total, pick a non-zero cell of that
/// row, its column total and the grand total (and the same for a column total). The grand total
/// itself is hidden only as part of such a rectangle, or when the whole table is too small.
fn complete(grid: &[Vec<u64>], hidden: &mut [Vec<Option<Reason>>]) -> bool {
    let (height, width) = (grid.len(), grid[0].len());
    let is_margin = |r: usize, c: usize| r == height - 1 || c == width - 1;
    // Each pass closes a cycle through one cell and hides at least one more, so this ends.
    while let Some((r, c)) = first_bridge(hidden) {
        let graph = Graph::of(hidden);
        let row_side = graph.reachable(Node::Row(r), (r, c));
        let column_side = graph.reachable(Node::Column(c), (r, c));

        // One cell joining the two sides, if any: smallest, preferring the inside of the table.
        let joining = (0..height)
            .flat_map(|i| (0..width).map(move |j| (i, j)))
            .filter(|&(i, j)| hidden[i][j].is_none() && grid[i][j] > 0)
            .filter(|&(i, j)| {
                (row_side.rows[i] && column_side.columns[j]) || (column_side.rows[i] && row_side.columns[j])
            })
            .min_by_key(|&(i, j)| (is_margin(i, j), grid[i][j], i, j));
        if let Some((i, j)) = joining {
            hidden[i][j] = Some(Reason::Complementary);
            continue;
        }

        // Otherwise a rectangle through (r, c): the fewest new cells, then the fewest margins,
        // then the smallest counts.
        let rectangle = (0..height)
            .filter(|&i| i != r)
            .flat_map(|i| (0..width).filter(move |&j| j != c).map(move |j| [(r, j), (i, c), (i, j)]))
            .filter(|corners| corners.iter().all(|&(i, j)| grid[i][j] > 0))
            .min_by_key(|corners| {
                let new: Vec<_> = corners.iter().filter(|&&(i, j)| hidden[i][j].is_none()).collect();
                let margins = new.iter().filter(|&&&(i, j)| is_margin(i, j)).count();
                let sum: u64 = new.iter().map(|&&(i, j)| grid[i][j]).sum();
                (new.len(), margins, sum, *corners)
            });
        let Some(corners) = rectangle else { return false };
        for (i, j) in corners {
            hidden[i][j].get_or_insert(Reason::Complementary);
        }
    }
    true
}

/// The first hidden cell (in reading order) that lies on no cycle of hidden cells.
fn first_bridge(hidden: &[Vec<Option<Reason>>]) -> Option<(usize, usize)> {
    let graph = Graph::of(hidden);
    (0..hidden.len())
        .flat_map(|r| (0..hidden[0].len()).map(move |c| (r, c)))
        .filter(|&(r, c)| hidden[r][c].is_some())
        .find(|&(r, c)| !graph.reachable(Node::Row(r), (r, c)).columns[c])
}

#[derive(Clone, Copy)]
enum Node {
    Row(usize),
    Column(usize),
}

/// The hidden cells as edges between grid rows and grid columns.
struct Graph {
    /// Hidden cells, `edges[r][c]`.
    edges: Vec<Vec<bool>>,
}

struct Reached {
    rows: Vec<bool>,
    columns: Vec<bool>,
}

impl Graph {
    fn of(hidden: &[Vec<Option<Reason>>]) -> Graph {
        Graph { edges: hidden.iter().map(|row| row.iter().map(Option::is_some).collect()).collect() }
    }

    /// Nodes reachable from `start` over hidden cells other than `without`.
    fn reachable(&self, start: Node, without: (usize, usize)) -> Reached {
        let (height, width) = (self.edges.len(), self.edges[0].len());
        let mut reached = Reached { rows: vec![false; height], columns: vec![false; width] };
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            match node {
                Node::Row(r) if !reached.rows[r] => {
                    reached.rows[r] = true;
                    stack.extend((0..width).filter(|&c| self.edges[r][c] && (r, c) != without).map(Node::Column));
                }
                Node::Column(c) if !reached.columns[c] => {
                    reached.columns[c] = true;
                    stack.extend((0..height).filter(|&r| self.edges[r][c] && (r, c) != without).map(Node::Row));
                }
                _ => {}
            }
        }
        reached
    }
}
