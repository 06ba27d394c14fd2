//! Knowledge an organisation shares (issue 14): an FAQ with practice cases
//! and legal questions, kept with its versions ([`faq`]); a short quiz for
//! staff, counted only in aggregate ([`quiz`]); and a location's placemat of
//! what relatives may do ([`placemat`]). Each comes with a Dutch starter set
//! written from the sources, marked as such until the organisation changes it.

pub mod faq;
pub mod placemat;
pub mod quiz;
