//! The questionnaires Samenspel knows, as loaded at start-up.

use super::Api;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct OptionDto {
    pub code: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct ItemDto {
    /// The item's id in stored answers (FHIR linkId).
    pub link_id: String,
    /// Empty when the official text has not been loaded.
    pub text: String,
    pub dimension: String,
    /// For a number on a scale: its lowest and highest value.
    pub scale: Option<[i64; 2]>,
}

#[derive(Serialize, ToSchema)]
pub struct InstrumentDto {
    pub id: String,
    pub name: String,
    pub language: String,
    pub source: String,
    pub licence: String,
    pub instruction: String,
    pub interpretation: String,
    /// Every item has its official text: the instrument may be offered.
    pub complete: bool,
    pub options: Vec<OptionDto>,
    pub items: Vec<ItemDto>,
    /// Lowest and highest total score.
    pub range: [i64; 2],
}

/// The questionnaires, with their source and licence.
#[utoipa::path(get, path = "/instruments", tag = "instruments", responses((status = 200, body = Vec<InstrumentDto>)))]
pub async fn list(api: Api) -> Json<Vec<InstrumentDto>> {
    Json(
        api.state
            .instruments
            .all()
            .iter()
            .map(|i| {
                let d = i.definition();
                InstrumentDto {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    language: d.language.clone(),
                    source: d.source.clone(),
                    licence: d.licence.clone(),
                    instruction: d.instruction.clone(),
                    interpretation: d.interpretation.clone(),
                    complete: i.complete(),
                    options: d
                        .options
                        .iter()
                        .map(|o| OptionDto { code: o.code.clone(), label: o.label.clone() })
                        .collect(),
                    items: d
                        .items
                        .iter()
                        .map(|it| ItemDto {
                            link_id: it.link_id.clone(),
                            text: it.text.clone(),
                            dimension: it.dimension.clone(),
                            scale: it.scale,
                        })
                        .collect(),
                    range: d.scoring.range,
                }
            })
            .collect(),
    )
}
