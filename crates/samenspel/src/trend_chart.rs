//! A small line chart of scores over time, drawn on the server as SVG with
//! presentation attributes only (it passes the CSP and prints). The page
//! shows the same data as a table; the SVG carries a title and a summary.

use std::fmt::Write;

// Narrow enough that its text reads at the width of a phone (16 units at
// 340 px is about 14 px); the CSS keeps it from growing large on a laptop.
const W: f64 = 400.0;
const H: f64 = 260.0;
const LEFT: f64 = 50.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;

/// One point: its label on the x axis (a date) and its score.
pub struct Point {
    pub label: String,
    pub value: i64,
}

/// Text for an SVG element or attribute.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The chart for scores from `low` to `high`, points in time order.
/// `title` and `summary` become the SVG's accessible name and description.
pub fn render(points: &[Point], low: i64, high: i64, title: &str, summary: &str) -> String {
    let span = (high - low).max(1) as f64;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| {
        if points.len() <= 1 { LEFT + plot_w / 2.0 } else { LEFT + plot_w * i as f64 / (points.len() - 1) as f64 }
    };
    let y = |v: i64| TOP + plot_h * (1.0 - (v - low) as f64 / span);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="trend-chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="trend-title" aria-describedby="trend-desc" xmlns="http://www.w3.org/2000/svg"><title id="trend-title">{}</title><desc id="trend-desc">{}</desc>"#,
        esc(title),
        esc(summary)
    );
    // Grid lines and the score axis, every step for small ranges.
    let step = if high - low <= 10 { 1 } else { (high - low) / 10 };
    let mut v = low;
    while v <= high {
        let yy = y(v);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#d9dde3" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="16" text-anchor="end" fill="#4a5360">{v}</text>"##,
            W - RIGHT,
            LEFT - 8.0,
            yy + 6.0
        );
        v += step;
    }
    if points.len() > 1 {
        let line: Vec<String> =
            points.iter().enumerate().map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.value))).collect();
        let _ = write!(s, r##"<polyline points="{}" fill="none" stroke="#1f6f5c" stroke-width="3"/>"##, line.join(" "));
    }
    for (i, p) in points.iter().enumerate() {
        let _ = write!(s, r##"<circle cx="{:.1}" cy="{:.1}" r="5" fill="#1f6f5c"/>"##, x(i), y(p.value));
    }
    // Dates under the first and the last point (more would crowd a phone).
    let mut labelled: Vec<usize> = vec![0, points.len().saturating_sub(1)];
    labelled.dedup();
    for i in labelled.into_iter().filter(|i| *i < points.len()) {
        let anchor = if points.len() == 1 {
            "middle"
        } else if i == 0 {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="16" text-anchor="{anchor}" fill="#4a5360">{}</text>"##,
            x(i),
            H - 8.0,
            esc(&points[i].label)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: &str, value: i64) -> Point {
        Point { label: label.into(), value }
    }

    #[test]
    fn points_rise_with_the_score_and_the_chart_is_named() {
        let svg = render(&[p("1 mei", 2), p("1 juni", 5), p("1 juli", 9)], 0, 9, "Mijn scores", "3 keer: 2, 5 en 9");
        assert!(svg.contains(r#"role="img""#) && svg.contains("<title id=\"trend-title\">Mijn scores</title>"));
        let ys: Vec<f64> = svg
            .split("<circle ")
            .skip(1)
            .filter_map(|c| c.split("cy=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(ys.len(), 3);
        assert!(ys[0] > ys[1] && ys[1] > ys[2], "a higher score is drawn higher: {ys:?}");
        assert_eq!(ys[2], TOP, "the top of the range is the top of the plot");
        assert!(svg.contains(">1 mei</text>") && svg.contains(">1 juli</text>") && !svg.contains(">1 juni</text>"));
        assert!(render(&[p("<b>", 1)], 0, 9, "t", "s").contains("&lt;b&gt;"), "labels are escaped");
    }
}
