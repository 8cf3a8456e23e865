//! The three sheets' layouts (docs/paperwork.md says which rule is a source's and which is a
//! layout choice). Every mark stays inside [`SAFE`]: one file prints on Letter and A4.

use crossing_codes::{ModuleMatrix, Result};
use crossing_trip::human;
use crossing_trip::model::{CrewRole, Plate, Trip};

use crate::pdf::{mm, Font, Page, Rect, SAFE};

/// What a sheet shows besides its fixed content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetOptions {
    /// Lead sheet: shipper, consignee and goods of each shipment (may run over pages).
    pub detailed: bool,
    /// Lead sheet: print the driver's name (a fleet may switch it off; the ACE cover sheet
    /// always carries it, CBP requires it).
    pub driver_name: bool,
    /// Lead sheet: a Code 128 of each PARS CCN, smaller than the CRN's.
    pub pars_codes: bool,
    /// Cover sheet: CBP's optional ACE QR.
    pub ace_qr: bool,
}

impl Default for SheetOptions {
    fn default() -> Self {
        SheetOptions {
            detailed: false,
            driver_name: true,
            pars_codes: true,
            ace_qr: true,
        }
    }
}

const LEFT: i32 = SAFE.x;
const RIGHT: i32 = SAFE.x + SAFE.w;
const TOP: i32 = SAFE.y + SAFE.h;
const CENTRE: i32 = (LEFT + RIGHT) / 2;
/// Room kept at the bottom for the footer.
const FOOTER_ROOM: i32 = 2_400;

/// Pages being filled top to bottom.
struct Flow {
    pages: Vec<Page>,
    page: Page,
    y: i32,
    footer: String,
}

impl Flow {
    fn new(footer: &str) -> Self {
        Flow {
            pages: Vec::new(),
            page: Page::new(),
            y: TOP,
            footer: footer.to_string(),
        }
    }

    /// Makes room for `h`: a new page when it does not fit.
    fn need(&mut self, h: i32) {
        if self.y - h < SAFE.y + FOOTER_ROOM {
            self.break_page();
        }
    }

    fn break_page(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.pages.push(page);
        self.y = TOP;
    }

    /// One line of text at the left margin, wrapped to the width.
    fn line(&mut self, font: Font, size: u16, s: &str) {
        let leading = i32::from(size) * 120;
        for l in crate::pdf::wrap(font, size, RIGHT - LEFT, s) {
            self.need(leading);
            self.y -= i32::from(size) * 100;
            self.page.text(font, size, LEFT, self.y, &l);
            self.y -= i32::from(size) * 20;
        }
    }

    fn centred(&mut self, font: Font, size: u16, s: &str) {
        for l in crate::pdf::wrap(font, size, RIGHT - LEFT, s) {
            self.need(i32::from(size) * 120);
            self.y -= i32::from(size) * 100;
            self.page.text_centred(font, size, CENTRE, self.y, &l);
            self.y -= i32::from(size) * 20;
        }
    }

    fn gap(&mut self, h: i32) {
        self.y -= h;
    }

    /// Ends the document: the footer on every page, "page n of m" when there are several.
    fn finish(mut self) -> Vec<Page> {
        self.pages.push(self.page);
        let n = self.pages.len();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let text = if n > 1 {
                format!("{} · page {} of {n}", self.footer, i + 1)
            } else {
                self.footer.clone()
            };
            let mut y = SAFE.y + 1_200;
            for l in crate::pdf::wrap(Font::Regular, 8, RIGHT - LEFT, &text)
                .iter()
                .rev()
            {
                page.text(Font::Regular, 8, LEFT, y, l);
                y += 1_000;
            }
        }
        self.pages
    }
}

/// The dark runs of one row of modules as rectangles.
fn row_runs(modules: &[u8], x: i32, y: i32, module: i32, h: i32, out: &mut Vec<Rect>) {
    let mut i = 0;
    while i < modules.len() {
        if modules[i] == 1 {
            let start = i;
            while i < modules.len() && modules[i] == 1 {
                i += 1;
            }
            out.push(Rect {
                x: x + start as i32 * module,
                y,
                w: (i - start) as i32 * module,
                h,
            });
        } else {
            i += 1;
        }
    }
}

/// Draws a 2D matrix with its top-left at (`x`, `top`), `module` per module.
fn draw_matrix(page: &mut Page, m: &ModuleMatrix, x: i32, top: i32, module: i32) {
    let mut rects = Vec::new();
    let w = m.width as usize;
    for (r, row) in m.modules.chunks(w).enumerate() {
        row_runs(
            row,
            x,
            top - (r as i32 + 1) * module,
            module,
            module,
            &mut rects,
        );
    }
    page.fill(rects);
}

/// Draws a linear code (height 1) as bars `h` tall from `y`, `module` per module. Runs of two
/// modules are drawn `wide_ratio` wide (2: as the matrix has them; 3: Code 39's wide elements,
/// which the library makes 2:1, at 3:1). Returns the drawn width.
fn draw_linear(
    page: &mut Page,
    m: &ModuleMatrix,
    x: i32,
    y: i32,
    module: i32,
    h: i32,
    wide_ratio: i32,
) -> i32 {
    let quiet = m.quiet_zone as usize;
    let body = &m.modules[quiet..m.modules.len() - quiet];
    let mut rects = Vec::new();
    let mut at = x + quiet as i32 * module;
    let mut i = 0;
    while i < body.len() {
        let dark = body[i];
        let start = i;
        while i < body.len() && body[i] == dark {
            i += 1;
        }
        let len = (i - start) as i32;
        let w = module * if len == 2 { wide_ratio.max(2) } else { len };
        if dark == 1 {
            rects.push(Rect { x: at, y, w, h });
        }
        at += w;
    }
    page.fill(rects);
    at + quiet as i32 * module - x
}

/// The width a linear code takes at `module` with `wide_ratio`.
fn linear_width(m: &ModuleMatrix, module: i32, wide_ratio: i32) -> i32 {
    let quiet = m.quiet_zone as usize;
    let body = &m.modules[quiet..m.modules.len() - quiet];
    let mut units = 2 * quiet as i32;
    let mut i = 0;
    while i < body.len() {
        let start = i;
        while i < body.len() && body[i] == body[start] {
            i += 1;
        }
        let len = (i - start) as i32;
        units += if len == 2 { wide_ratio.max(2) } else { len };
    }
    units * module
}

/// A linear code centred on the line, as wide as `module` allows within the margins (narrower
/// modules for a long payload), with its text under it.
fn linear_block(flow: &mut Flow, m: &ModuleMatrix, module: i32, bar_h: i32, ratio: i32) {
    let full = linear_width(m, module, ratio);
    let module = if full > RIGHT - LEFT {
        (RIGHT - LEFT) / (full / module).max(1)
    } else {
        module
    };
    let w = linear_width(m, module, ratio);
    flow.need(bar_h + 200);
    flow.y -= bar_h;
    draw_linear(
        &mut flow.page,
        m,
        CENTRE - w / 2,
        flow.y,
        module,
        bar_h,
        ratio,
    );
}

fn plates(ps: &[Plate]) -> String {
    if ps.is_empty() {
        return "none".into();
    }
    ps.iter()
        .map(|p| format!("{} ({} {})", p.number, p.jurisdiction, p.country))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

fn driver(trip: &Trip) -> Option<String> {
    trip.crew
        .iter()
        .find(|p| p.role == CrewRole::Driver)
        .map(|p| format!("{} {}", p.first_name, p.last_name))
}

fn eta_line(trip: &Trip) -> String {
    format!(
        "ETA / Arrivée prévue: {} ({}, {})",
        human::eta(&trip.eta.local, &trip.eta.zone),
        trip.eta.local.get(..10).unwrap_or(&trip.eta.local),
        trip.eta.zone
    )
}

/// The ACI lead sheet: the CRN as the dominant Code 128 with its characters beneath, the facts
/// of the trip, the shipments, optional PARS codes, and the box for the officer's stamp.
/// Bilingual, English then French, whatever the driver's language: CBSA works in both official
/// languages (the French terms are CBSA's where the glossary marks them confirmed,
/// `docs/glossary/fr-CA.md`; the layout is a design choice).
pub(crate) fn aci_lead(trip: &Trip, o: &SheetOptions, footer: &str) -> Result<Vec<Page>> {
    let mut f = Flow::new(footer);
    f.centred(Font::Bold, 20, "ACI eManifest · Lead sheet");
    f.centred(
        Font::Regular,
        13,
        "Manifeste électronique IPEC · Feuille de tête",
    );
    f.centred(
        Font::Regular,
        11,
        &format!("Carrier code / Code du transporteur {}", trip.carrier_code),
    );
    f.gap(1_200);
    let crn = crossing_codes::border_code(trip, crossing_codes::CodeKind::Crn128, None)?;
    linear_block(&mut f, &crn.matrix, mm(0.5), mm(22.0), 2);
    f.gap(400);
    f.centred(Font::Bold, 20, &format!("CRN {}", trip.trip_number));
    f.gap(1_200);
    let port_name = crossing_trip::ports::ca_highway_port_name(&trip.port_of_entry)
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    f.line(
        Font::Regular,
        12,
        &format!(
            "First port of arrival / Premier point d'arrivée: {}{port_name}",
            trip.port_of_entry
        ),
    );
    f.line(Font::Regular, 12, &eta_line(trip));
    let c = &trip.conveyance;
    f.line(
        Font::Regular,
        12,
        &format!(
            "Truck / Camion {} · plates / plaques {} · seals / scellés {}",
            c.unit_number,
            plates(&c.plates),
            list(&c.seals)
        ),
    );
    for (i, t) in trip.trailers.iter().enumerate() {
        f.line(
            Font::Regular,
            12,
            &format!(
                "Trailer / Remorque {} {} · plates / plaques {} · seals / scellés {}",
                i + 1,
                t.number,
                plates(&t.plates),
                list(&t.seals)
            ),
        );
    }
    if o.driver_name {
        if let Some(name) = driver(trip) {
            f.line(Font::Regular, 12, &format!("Driver / Chauffeur: {name}"));
        }
    }
    f.gap(800);
    f.line(
        Font::Bold,
        13,
        &format!("Shipments / Envois ({})", trip.shipments.len()),
    );
    for s in &trip.shipments {
        let office = s.release_office.as_deref().unwrap_or("—");
        f.line(
            Font::Regular,
            11,
            &format!(
                "{} · {} · release office / bureau de mainlevée {office}",
                s.control_number, s.type_code
            ),
        );
        if o.detailed {
            f.line(
                Font::Regular,
                9,
                &format!(
                    "Shipper / Expéditeur: {}, {}",
                    s.shipper.name, s.shipper.address.city
                ),
            );
            f.line(
                Font::Regular,
                9,
                &format!(
                    "Consignee / Destinataire: {}, {}",
                    s.consignee.name, s.consignee.address.city
                ),
            );
            for g in &s.commodities {
                f.line(
                    Font::Regular,
                    9,
                    &format!(
                        "Goods / Marchandises: {} · {} {} · {} {}",
                        g.description, g.quantity, g.packaging_unit, g.weight, g.weight_unit
                    ),
                );
            }
        }
    }
    if o.pars_codes {
        for s in trip.shipments.iter().filter(|s| s.type_code == "PARS") {
            let code = crossing_codes::border_code(
                trip,
                crossing_codes::CodeKind::Ccn128,
                Some(&s.control_number),
            )?;
            f.need(mm(12.0) + 3_000);
            f.gap(800);
            f.line(Font::Bold, 10, &format!("PARS {}", s.control_number));
            linear_block(&mut f, &code.matrix, mm(0.38), mm(10.0), 2);
        }
    }
    // The officer's stamp: an empty box, labelled.
    let (w, h) = (mm(70.0), mm(45.0));
    f.need(h + 2_000);
    f.gap(1_200);
    f.line(
        Font::Bold,
        10,
        "For the CBSA officer's stamp / Pour le timbre de l'agent de l'ASFC",
    );
    f.gap(300);
    f.page.outline(Rect {
        x: LEFT,
        y: f.y - h,
        w,
        h,
    });
    f.y -= h;
    Ok(f.finish())
}

/// The ACE cover sheet: CBP's required lines in 22 point or more, the trip number's Code 39 at
/// 3:1, the optional ACE QR, the shipments in small type. Never a PAPS barcode.
pub(crate) fn ace_cover(trip: &Trip, o: &SheetOptions, footer: &str) -> Result<Vec<Page>> {
    let mut f = Flow::new(footer);
    f.line(Font::Bold, 26, "ACE Electronic Manifest");
    f.gap(600);
    f.line(Font::Bold, 22, "Trip number:");
    f.line(Font::Bold, 28, &trip.trip_number);
    f.gap(800);
    let code = crossing_codes::border_code(trip, crossing_codes::CodeKind::Ace39, None)?;
    linear_block(&mut f, &code.matrix, mm(0.4), mm(18.0), 3);
    f.gap(1_200);
    let name = driver(trip).unwrap_or_else(|| "—".into());
    f.line(Font::Bold, 22, &format!("Driver: {name}"));
    f.line(
        Font::Bold,
        22,
        &format!("Tractor plate: {}", plates(&trip.conveyance.plates)),
    );
    if o.ace_qr {
        if let Ok(qr) = crossing_codes::border_code(trip, crossing_codes::CodeKind::AceQr, None) {
            let module = mm(45.0) / qr.matrix.width as i32;
            let size = module * qr.matrix.width as i32;
            f.need(size + 2_000);
            f.gap(800);
            draw_matrix(&mut f.page, &qr.matrix, LEFT, f.y, module);
            f.y -= size;
            f.line(Font::Regular, 8, "CBP ACE manifest QR");
        }
    }
    f.gap(800);
    f.line(
        Font::Bold,
        12,
        &format!("Shipments ({})", trip.shipments.len()),
    );
    for s in &trip.shipments {
        let what = s
            .commodities
            .iter()
            .map(|g| g.description.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        f.line(Font::Regular, 10, &format!("{} · {what}", s.control_number));
    }
    Ok(f.finish())
}

/// The windshield placard: the ACE QR at error correction Q, about 180 mm wide, the trip number
/// at 40 point, the ETA date and plates, Spanish and English labels, and the caveat as small print.
pub(crate) fn ace_placard(trip: &Trip, footer: &str, fingerprint: &str) -> Result<Vec<Page>> {
    let mut f = Flow::new(footer);
    let qr = crossing_codes::ace_qr_placard(trip)?;
    f.centred(Font::Bold, 18, "Manifiesto ACE · ACE manifest");
    f.gap(600);
    let module = mm(180.0) / qr.matrix.width as i32;
    let size = module * qr.matrix.width as i32;
    draw_matrix(&mut f.page, &qr.matrix, CENTRE - size / 2, f.y, module);
    f.y -= size;
    f.gap(200);
    f.centred(Font::Regular, 12, "Número de viaje · Trip number");
    f.centred(Font::Bold, 40, &trip.trip_number);
    f.centred(
        Font::Regular,
        16,
        &format!(
            "Llegada · ETA: {}",
            trip.eta.local.get(..10).unwrap_or(&trip.eta.local)
        ),
    );
    let mut all = trip.conveyance.plates.clone();
    all.extend(trip.trailers.iter().flat_map(|t| t.plates.clone()));
    f.centred(
        Font::Regular,
        14,
        &format!("Placas · Plates: {}", plates(&all)),
    );
    f.centred(
        Font::Bold,
        12,
        &format!(
            "Reimprima si el viaje cambia · Reprint if the trip changes (version {}, {fingerprint})",
            trip.version
        ),
    );
    // The payload's unconfirmed parts, exactly as the core states them (the screen caveat is
    // about phones, not paper).
    for c in qr
        .caveats
        .iter()
        .filter(|c| *c != crossing_codes::SCREEN_CAVEAT)
    {
        f.line(Font::Regular, 7, c);
    }
    Ok(f.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossing_codes::CodeKind;

    fn trip(json: &str) -> Trip {
        let path = format!("{}/../examples/{json}", env!("CARGO_MANIFEST_DIR"));
        crossing_trip::format::parse_trip(&std::fs::read(path).expect("example")).expect("trip")
    }

    /// The matrix's dark modules, rebuilt from the drawn rectangles of a 2D symbol.
    fn rebuild(rects: &[Rect], m: &ModuleMatrix, x: i32, top: i32, module: i32) -> Vec<u8> {
        let mut out = vec![0u8; m.modules.len()];
        for r in rects {
            let row = ((top - r.y) / module - 1) as u32;
            for c in 0..(r.w / module) {
                let col = ((r.x - x) / module + c) as u32;
                out[(row * m.width + col) as usize] = 1;
            }
        }
        out
    }

    #[test]
    fn drawn_rectangles_rebuild_the_module_matrix() {
        let t = trip("ace-trip.json");
        let m = crossing_codes::border_code(&t, CodeKind::AceQr, None)
            .expect("qr")
            .matrix;
        let mut page = Page::new();
        draw_matrix(&mut page, &m, 5_000, 70_000, 300);
        assert_eq!(rebuild(&page.rects[0], &m, 5_000, 70_000, 300), m.modules);
    }

    #[test]
    fn code39_is_drawn_at_three_to_one() {
        let t = trip("ace-trip.json");
        let m = crossing_codes::border_code(&t, CodeKind::Ace39, None)
            .expect("code 39")
            .matrix;
        let mut page = Page::new();
        draw_linear(&mut page, &m, 0, 0, 100, 1_000, 3);
        let widths: std::collections::BTreeSet<i32> = page.rects[0].iter().map(|r| r.w).collect();
        assert_eq!(widths.into_iter().collect::<Vec<_>>(), [100, 300]);
    }

    #[test]
    fn every_sheet_stays_inside_the_a4_safe_area_on_letter() {
        let aci = trip("aci-trip.json");
        let ace = trip("ace-trip.json");
        let o = SheetOptions {
            detailed: true,
            ..SheetOptions::default()
        };
        let pages = [
            aci_lead(&aci, &o, "footer").expect("aci"),
            ace_cover(&ace, &o, "footer").expect("cover"),
            ace_placard(&ace, "footer", "ABCD1234").expect("placard"),
        ];
        for p in pages.iter().flatten() {
            assert!(p.inside(&SAFE), "a mark outside the safe area");
        }
    }

    #[test]
    fn the_cover_sheet_says_its_required_lines_in_22_point_or_more_and_draws_no_paps() {
        let t = trip("ace-trip.json");
        let pages = ace_cover(&t, &SheetOptions::default(), "footer").expect("cover");
        let texts = &pages[0].texts;
        let size_of = |prefix: &str| {
            texts
                .iter()
                .find(|p| p.text.starts_with(prefix))
                .map(|p| p.size)
                .unwrap_or_else(|| panic!("{prefix:?} missing"))
        };
        for required in [
            "ACE Electronic Manifest",
            "Trip number:",
            t.trip_number.as_str(),
            "Driver:",
            "Tractor plate:",
        ] {
            assert!(size_of(required) >= 22, "{required} below 22 pt");
        }
        for s in &t.shipments {
            assert!(size_of(&s.control_number) <= 12, "an SCN above 12 pt");
        }
        // Two symbols only: the trip number's Code 39 and the ACE QR; none of a PAPS.
        assert_eq!(pages[0].rects.len(), 2);
        let paps =
            crossing_codes::border_code(&t, CodeKind::Ace39, Some(&t.shipments[0].control_number))
                .expect("paps");
        let mut drawn = Page::new();
        draw_linear(&mut drawn, &paps.matrix, 0, 0, 100, 100, 3);
        for symbol in &pages[0].rects {
            assert_ne!(
                shape(symbol),
                shape(&drawn.rects[0]),
                "a PAPS code is on the cover sheet"
            );
        }
    }

    /// A symbol's bar widths in hundredths of its narrowest bar (independent of the scale).
    fn shape(symbol: &[Rect]) -> Vec<i32> {
        let narrow = symbol.iter().map(|r| r.w).min().unwrap_or(1).max(1);
        symbol.iter().map(|r| r.w * 100 / narrow).collect()
    }

    #[test]
    fn a_long_driver_name_wraps_and_keeps_22_point() {
        let mut t = trip("ace-trip.json");
        t.crew[0].first_name = "Maximiliano Alejandro Guadalupe".into();
        t.crew[0].last_name = "Hernández de la Cruz y Villaseñor".into();
        let pages = ace_cover(&t, &SheetOptions::default(), "footer").expect("cover");
        let driver: Vec<_> = pages[0]
            .texts
            .iter()
            .skip_while(|p| !p.text.starts_with("Driver:"))
            .take_while(|p| !p.text.starts_with("Tractor plate:"))
            .collect();
        assert!(driver.len() >= 2, "wrapped");
        assert!(driver.iter().all(|p| p.size == 22));
    }
}
