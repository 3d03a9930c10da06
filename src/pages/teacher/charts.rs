//! SVG charts for the class report. They draw numbers that are already suppressed and coded;
//! each has a text alternative, and the same numbers are in a table beside it. Colours come from
//! classes in the stylesheet (no inline styles, so a strict Content-Security-Policy holds), and
//! before/after differ by pattern and position as well as colour.

use aware_core::study::suppression::{Cell, Percent};
use yew::prelude::*;

/// One row of a before/after chart: a question and its two (coded) percentages.
#[derive(Clone, PartialEq)]
pub struct PairedRow {
    pub label: String,
    pub before: Percent,
    pub after: Percent,
}

#[derive(Properties, PartialEq)]
pub struct PairedBarsProps {
    pub rows: Vec<PairedRow>,
    pub title: String,
    pub before: String,
    pub after: String,
}

const ROW_HEIGHT: u32 = 28;
const LABEL_WIDTH: u32 = 36;
const BAR_WIDTH: u32 = 400;
const VALUE_WIDTH: u32 = 64;

/// The bar length of a coded percentage: "≤ 5 %" and "≥ 95 %" are drawn at 5 and 95.
fn length(percent: Percent) -> u32 {
    let value = match percent {
        Percent::AtMost5 => 5,
        Percent::Exact(value) => u32::from(value),
        Percent::AtLeast95 => 95,
    };
    value * BAR_WIDTH / 100
}

/// Percent correct before and after, per question.
#[component]
pub fn PairedBars(props: &PairedBarsProps) -> Html {
    let height = ROW_HEIGHT * props.rows.len() as u32 + 24;
    let width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
    let alternative = props
        .rows
        .iter()
        .map(|row| format!("{}: {} {}, {} {}", row.label, props.before, row.before, props.after, row.after))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = props.rows.iter().enumerate().map(|(index, row)| {
        let y = 24 + ROW_HEIGHT * index as u32;
        html! {
            <g>
                <text x="0" y={(y + 17).to_string()} class="chart-label">{ row.label.clone() }</text>
                <rect x={LABEL_WIDTH.to_string()} y={(y + 2).to_string()} width={length(row.before).to_string()} height="10" class="bar-before" />
                <rect x={LABEL_WIDTH.to_string()} y={(y + 13).to_string()} width={length(row.after).to_string()} height="10" class="bar-after" />
                <text x={(LABEL_WIDTH + BAR_WIDTH + 4).to_string()} y={(y + 11).to_string()} class="chart-value">{ row.before.to_string() }</text>
                <text x={(LABEL_WIDTH + BAR_WIDTH + 4).to_string()} y={(y + 23).to_string()} class="chart-value strong">{ row.after.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={format!("{}. {alternative}", props.title)}>
                <rect x={LABEL_WIDTH.to_string()} y="4" width="12" height="10" class="bar-before" />
                <text x={(LABEL_WIDTH + 16).to_string()} y="13" class="chart-label">{ props.before.clone() }</text>
                <rect x={(LABEL_WIDTH + 120).to_string()} y="4" width="12" height="10" class="bar-after" />
                <text x={(LABEL_WIDTH + 136).to_string()} y="13" class="chart-label">{ props.after.clone() }</text>
                { for bars }
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}

/// A bar of counts that may be hidden by suppression.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub cell: Cell,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub bars: Vec<Bar>,
    pub title: String,
    /// Written where a hidden bar would be.
    pub hidden_label: String,
}

const COLUMN_WIDTH: u32 = 120;
const PLOT_HEIGHT: u32 = 160;

/// How many students' scores fell, stayed or rose: one column per band.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let highest = props
        .bars
        .iter()
        .filter_map(|bar| match bar.cell {
            Cell::Shown(value) => Some(value),
            Cell::Hidden(_) => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let width = COLUMN_WIDTH * props.bars.len() as u32;
    let height = PLOT_HEIGHT + 60;
    let value_text = |cell: Cell, hidden: &str| match cell {
        Cell::Shown(value) => value.to_string(),
        Cell::Hidden(_) => hidden.to_owned(),
    };
    let alternative = props
        .bars
        .iter()
        .map(|bar| format!("{}: {}", bar.label, value_text(bar.cell, &props.hidden_label)))
        .collect::<Vec<_>>()
        .join("; ");
    let columns = props.bars.iter().enumerate().map(|(index, bar)| {
        let x = COLUMN_WIDTH * index as u32;
        let bar_height = match bar.cell {
            Cell::Shown(value) => (value * u64::from(PLOT_HEIGHT) / highest) as u32,
            Cell::Hidden(_) => 0,
        };
        let top = 20 + PLOT_HEIGHT - bar_height;
        html! {
            <g>
                <rect x={(x + 20).to_string()} y={top.to_string()} width={(COLUMN_WIDTH - 40).to_string()} height={bar_height.to_string()}
                    class={if matches!(bar.cell, Cell::Hidden(_)) { "bar-hidden" } else { "bar-after" }} />
                <text x={(x + COLUMN_WIDTH / 2).to_string()} y={(top - 4).to_string()} class="chart-value centre">{ value_text(bar.cell, &props.hidden_label) }</text>
                <text x={(x + COLUMN_WIDTH / 2).to_string()} y={(PLOT_HEIGHT + 40).to_string()} class="chart-label centre">{ bar.label.clone() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={format!("{}. {alternative}", props.title)}>
                <line x1="0" y1={(20 + PLOT_HEIGHT).to_string()} x2={width.to_string()} y2={(20 + PLOT_HEIGHT).to_string()} class="chart-axis" />
                { for columns }
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}
