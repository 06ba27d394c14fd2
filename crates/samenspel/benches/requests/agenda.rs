//! The agenda of a busy circle: 24 weekly items (shifts with sign-ups,
//! appointments, activities) planned through the app, read as a volunteer —
//! the four-week list page, the same period over the API, and the member's
//! calendar feed, which expands every series in Rust on each fetch.

use super::{Env, Kind, Measurement, Options, measure, request, send};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use samenspel_core::Timestamp;
use samenspel_core::audit::Source;
use samenspel_core::locale::Locale;

pub const NAMES: [&str; 3] = ["agenda_page", "agenda_api", "agenda_feed"];

/// The volunteer who reads (index into the members and their tokens/sessions).
const VOLUNTEER: usize = 3;

const ITEMS: usize = 24;

/// Plans the items as the managing starter; the volunteer takes the first
/// occurrence of every shift. Returns the volunteer's calendar address path.
pub async fn seed(env: &Env) -> Result<String, String> {
    let now = Timestamp::now();
    let me = env.store.internal().act_as(&env.starter, "bench").await.map_err(|e| format!("act as: {e}"))?;
    let source = Source::system("bench");
    let ctx = samenspel::service::Ctx {
        state: &env.state,
        user: &me,
        source: &source,
        now,
        tr: samenspel::i18n::Tr::new(Locale::Nl),
    };
    let today = samenspel::i18n::local(&now).date();
    let codes = ["mo", "tu", "we", "th", "fr", "sa", "su"];
    let mut shifts = Vec::new();
    for i in 0..ITEMS {
        let kind = ["shift", "appointment", "activity"][i % 3];
        let first = today.checked_add(jiff::Span::new().days(1 + (i % 7) as i64)).map_err(|e| e.to_string())?;
        let input = samenspel_core::agenda::ItemInput {
            kind: kind.into(),
            title: format!("Bench {kind} {i}"),
            date: first.to_string(),
            start_time: format!("{:02}:00", 8 + i % 12),
            end_time: format!("{:02}:30", 9 + i % 12),
            places: if kind == "shift" { "2".into() } else { String::new() },
            repeat: "weekly".into(),
            weekdays: vec![codes[first.weekday().to_monday_zero_offset() as usize].into()],
            audience: if i % 4 == 3 { "professionals".into() } else { "circle".into() },
            ..Default::default()
        };
        let id = samenspel::service::agenda::save(&ctx, &env.circle, None, &input).await.map_err(|e| e.to_string())?;
        if kind == "shift" && i % 4 != 3 {
            shifts.push((id, first));
        }
    }
    let volunteer =
        env.store.internal().act_as(&env.users[VOLUNTEER], "bench").await.map_err(|e| format!("act as: {e}"))?;
    let vctx = samenspel::service::Ctx { user: &volunteer, ..ctx };
    for (id, first) in &shifts {
        samenspel::service::agenda::sign_up(&vctx, &env.circle, id, &first.to_string())
            .await
            .map_err(|e| e.to_string())?;
    }
    let address = samenspel::service::calendar::renew(&vctx).await.map_err(|e| e.to_string())?;
    let path = address.split_once("/calendar/").map(|(_, t)| format!("/calendar/{t}")).ok_or("no feed path")?;
    Ok(path)
}

pub async fn bench(env: &Env, opts: &Options, ticks: f64, feed: &str, emit: &mut impl FnMut(Measurement)) {
    let c = env.circle.to_string();
    let reads: [(&'static str, String, String, Option<(&'static str, String)>); 3] = [
        (
            "agenda_page",
            format!("GET agenda page (HTML, 4 weeks, {ITEMS} weekly items), as a volunteer"),
            format!("/circles/{c}/agenda"),
            Some(("cookie", format!("samenspel_session={}", env.sessions[VOLUNTEER]))),
        ),
        (
            "agenda_api",
            format!("GET /api/v1/circles/{{id}}/agenda (4 weeks, {ITEMS} weekly items), as a volunteer"),
            format!("/api/v1/circles/{c}/agenda"),
            Some(("authorization", format!("Bearer {}", env.read_tokens[VOLUNTEER]))),
        ),
        ("agenda_feed", "GET the volunteer's calendar feed (iCalendar)".to_owned(), feed.to_owned(), None),
    ];
    for (name, what, path, credential) in reads {
        if !opts.wants(name) {
            continue;
        }
        let router = env.router.clone();
        let op = move |_client: usize, _n: u64| {
            let mut req = request(Method::GET, &path);
            if let Some((header, value)) = &credential {
                req = req.header(*header, value);
            }
            send(router.clone(), req.body(Body::empty()).expect("request"), StatusCode::OK)
        };
        emit(measure(opts, ticks, env.engine, name, what, 1, Kind::Sequential, "req", 1, op).await);
    }
}
