//! A small bar chart drawn on the server as SVG with presentation attributes
//! only (it passes the CSP and prints), for the samenspelmonitor's trends.
//! The page shows the same numbers in a table beside it; the SVG carries a
//! title and a summary, and an `id` so several charts fit on one page.
//! A bar without a value (too few to show) is left out and marked with a
//! short grey dash on the axis, so a gap is visibly a gap and not a zero.

use crate::trend_chart::esc;
use std::fmt::Write;

const W: f64 = 400.0;
const H: f64 = 240.0;
const LEFT: f64 = 50.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// One bar: its label on the x axis (a month) and its value, if shown.
pub struct Bar {
    pub label: String,
    pub value: Option<i64>,
}

/// A round top for the value axis: at least `max`, and 1, 2 or 5 times a power of ten.
fn nice_top(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max {
                return (m * step).max(1);
            }
        }
        step *= 10;
    }
}

/// The chart, bars in time order. `id` must be unique on the page.
pub fn render(id: &str, bars: &[Bar], title: &str, summary: &str) -> String {
    let top = nice_top(bars.iter().filter_map(|b| b.value).max().unwrap_or(0));
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let slot = plot_w / bars.len().max(1) as f64;
    let y = |v: i64| TOP + plot_h * (1.0 - v as f64 / top as f64);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="bar-chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(summary)
    );
    for v in [0, top / 2, top] {
        let yy = y(v);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#d9dde3" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="16" text-anchor="end" fill="#4a5360">{v}</text>"##,
            W - RIGHT,
            LEFT - 8.0,
            yy + 6.0
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let x = LEFT + slot * i as f64 + slot * 0.15;
        let w = slot * 0.7;
        match bar.value {
            Some(v) => {
                let yy = y(v.max(0));
                let _ = write!(
                    s,
                    r##"<rect x="{x:.1}" y="{yy:.1}" width="{w:.1}" height="{:.1}" fill="#1f6f5c"/>"##,
                    (TOP + plot_h - yy).max(0.0)
                );
            }
            None => {
                let _ = write!(
                    s,
                    r##"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#8a929c" stroke-width="3" stroke-dasharray="4 3"/>"##,
                    TOP + plot_h - 2.0,
                    x + w,
                    TOP + plot_h - 2.0
                );
            }
        }
    }
    // The first and the last month under the axis (more would crowd a phone).
    let mut labelled: Vec<usize> = vec![0, bars.len().saturating_sub(1)];
    labelled.dedup();
    for i in labelled.into_iter().filter(|i| *i < bars.len()) {
        let (x, anchor) = if bars.len() == 1 {
            (LEFT + plot_w / 2.0, "middle")
        } else if i == 0 {
            (LEFT, "start")
        } else {
            (W - RIGHT, "end")
        };
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" font-size="16" text-anchor="{anchor}" fill="#4a5360">{}</text>"##,
            H - 8.0,
            esc(&bars[i].label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<i64>) -> Bar {
        Bar { label: label.into(), value }
    }

    #[test]
    fn taller_bars_for_larger_values_gaps_marked_and_ids_unique() {
        let svg = render("help", &[bar("nov", Some(20)), bar("dec", None), bar("jan", Some(40))], "Hulp", "3 maanden");
        assert!(
            svg.contains(r#"aria-labelledby="help-title""#) && svg.contains(r#"<title id="help-title">Hulp</title>"#)
        );
        let heights: Vec<f64> = svg
            .split("<rect ")
            .skip(1)
            .filter_map(|r| r.split("height=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(heights.len(), 2, "the month without a value has no bar");
        assert!(heights[1] > heights[0] * 1.9 && heights[1] < heights[0] * 2.1, "{heights:?}");
        assert!(svg.contains("stroke-dasharray"), "the gap is marked");
        assert_eq!(nice_top(0), 1);
        assert_eq!(nice_top(7), 10);
        assert_eq!(nice_top(40), 50);
        assert_eq!(nice_top(101), 200);
        assert!(render("x", &[bar("<b>", Some(1))], "t", "s").contains("&lt;b&gt;"), "labels are escaped");
    }
}
