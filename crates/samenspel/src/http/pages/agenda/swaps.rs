//! Swaps: proposing to swap a shift (perhaps for one of theirs) and
//! answering, declining or withdrawing a proposal.

use super::items::{item_page, refused};
use crate::http::pages::{CirclePage, Empty, Form, render_with, see_other};
use crate::http::pages::{Detail, Object, PageResult};
use crate::i18n::Tr;
use crate::service::agenda;
use axum::http::StatusCode;
use samenspel_core::Error;
use samenspel_core::agenda::Item;
use samenspel_core::ids::MemberId;
use serde::Deserialize;

pub struct SwapView {
    pub id: String,
    pub text: String,
    pub asked_of_me: bool,
    pub item_id: String,
}

pub(super) fn swap_views(
    tr: &Tr,
    swaps: &[samenspel_core::agenda::Swap],
    items: &[Item],
    me: &MemberId,
) -> Vec<SwapView> {
    swaps
        .iter()
        .map(|s| {
            let title = items.iter().find(|i| i.id == s.item_id).map(|i| i.title.as_str()).unwrap_or_default();
            let back = s.in_return.as_ref().map(|(i, d)| {
                let t = items.iter().find(|x| &x.id == i).map(|x| x.title.as_str()).unwrap_or_default();
                format!("{t}, {}", tr.weekday_date(d))
            });
            let day = tr.weekday_date(&s.on);
            let text = if &s.to == me {
                match back {
                    Some(b) => tr.t3(
                        "swap-asked-in-return",
                        "name",
                        &s.from_name,
                        "shift",
                        format!("{title}, {day}"),
                        "back",
                        b,
                    ),
                    None => tr.t2("swap-asked", "name", &s.from_name, "shift", format!("{title}, {day}")),
                }
            } else {
                tr.t2("swap-proposed", "name", &s.to_name, "shift", format!("{title}, {day}"))
            };
            SwapView { id: s.id.clone(), text, asked_of_me: &s.to == me, item_id: s.item_id.clone() }
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SwapForm {
    to: String,
    /// "member|item|date" of an occurrence to take in return, or empty.
    in_return: String,
}

pub async fn propose_swap(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(f): Form<SwapForm>,
) -> PageResult {
    let mut to = f.to.clone();
    let back: Option<(String, String)> = match f.in_return.split('|').collect::<Vec<_>>().as_slice() {
        [member, back_item, back_on] => {
            // Taking one of their shifts in return: the swap is with them.
            to = (*member).to_owned();
            Some(((*back_item).to_owned(), (*back_on).to_owned()))
        }
        _ => None,
    };
    let r =
        agenda::propose_swap(&p.ctx(), &p.id, &item, &on, &to, back.as_ref().map(|(i, d)| (i.as_str(), d.as_str())))
            .await;
    match r {
        Ok(_) => Ok(see_other(&p.at(&format!("/agenda/{item}?done=notice-swap-proposed")))),
        Err(Error::Validation(fields)) => {
            let tr = p.chrome().tr;
            let text = fields.iter().map(|f| tr.t(f.code)).collect::<Vec<_>>().join(" ");
            let page = item_page(&p, &item, None, Some(text)).await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => refused(&p, &item, Err(e)).await,
    }
}

async fn answer(p: CirclePage, swap: String, answer: agenda::SwapAnswer) -> PageResult {
    let notice = match answer {
        agenda::SwapAnswer::Accept => "notice-swap-accepted",
        _ => "notice-swap-answered",
    };
    agenda::answer_swap_as(&p.ctx(), &p.id, &swap, answer).await?;
    Ok(see_other(&p.at(&format!("/agenda?done={notice}"))))
}

pub async fn accept_swap(p: CirclePage, Object(swap): Object, Form(_): Form<Empty>) -> PageResult {
    answer(p, swap, agenda::SwapAnswer::Accept).await
}

pub async fn decline_swap(p: CirclePage, Object(swap): Object, Form(_): Form<Empty>) -> PageResult {
    answer(p, swap, agenda::SwapAnswer::Decline).await
}

pub async fn withdraw_swap(p: CirclePage, Object(swap): Object, Form(_): Form<Empty>) -> PageResult {
    answer(p, swap, agenda::SwapAnswer::Withdraw).await
}
