//! The paperwork (issue 16) read back by independent tools: `qpdf --check` (structure),
//! `pdffonts` (standard fonts, nothing embedded, nothing missing), `pdftotext` (every field, with
//! French accents intact), and `pdftoppm` at 300 and 150 dpi then `zbarimg`, which must read every
//! barcode back as exactly its payload. The test command installs the tools (scripts/test.sh).

use std::path::Path;
use std::process::Command;

use crossing_core::model::Trip;
use crossing_integration_tests::example;
use crossing_paper::{render, SheetKind, SheetOptions};

fn trip(name: &str) -> Trip {
    crossing_core::format::parse_trip(&example(name)).expect("example trip")
}

fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e} (install poppler-utils, qpdf, zbar-tools)"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

fn write(dir: &Path, name: &str, pdf: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("write");
    path.to_string_lossy().to_string()
}

/// Every barcode zbar reads on page 1 at `dpi`, as `TYPE:payload`.
fn barcodes(pdf: &str, dpi: &str, dir: &Path) -> Vec<String> {
    let prefix = dir.join(format!("p{dpi}"));
    let prefix = prefix.to_string_lossy().to_string();
    let (ok, _) = run(
        "pdftoppm",
        &[
            "-r", dpi, "-gray", "-png", "-f", "1", "-l", "1", pdf, &prefix,
        ],
    );
    assert!(ok, "pdftoppm {pdf}");
    let png = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.to_string_lossy().starts_with(&prefix) && p.extension().is_some_and(|x| x == "png")
        })
        .expect("rendered page");
    let (_, out) = run("zbarimg", &["--quiet", &png.to_string_lossy()]);
    std::fs::remove_file(&png).expect("rm");
    let mut codes: Vec<String> = out.lines().map(str::to_string).collect();
    codes.sort();
    codes
}

fn checked(dir: &Path, name: &str, pdf: &[u8]) -> (String, String) {
    let path = write(dir, name, pdf);
    let (ok, out) = run("qpdf", &["--check", &path]);
    assert!(ok, "qpdf --check {name}: {out}");
    let (ok, fonts) = run("pdffonts", &[&path]);
    assert!(ok, "pdffonts {name}");
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(
            cols[0] == "Helvetica" || cols[0] == "Helvetica-Bold",
            "{fonts}"
        );
        assert!(
            line.contains("Type 1") && line.contains("WinAnsi"),
            "{fonts}"
        );
        assert_eq!(cols[cols.len() - 5], "no", "nothing embedded: {fonts}");
    }
    let (ok, text) = run("pdftotext", &["-layout", &path, "-"]);
    assert!(ok, "pdftotext {name}");
    (path, text)
}

#[test]
fn the_aci_lead_sheet_reads_back_with_every_code_and_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut t = trip("aci-trip.json");
    t.crew[0].first_name = "Hélène".into();
    t.crew[0].last_name = "Côté".into();
    t.shipments[0].consignee.name = "Société des Alcools du Québec".into();
    let options = SheetOptions {
        detailed: true,
        ..SheetOptions::default()
    };
    let sheet = render(&t, SheetKind::AciLead, &options, "Tue 1 Dec 09:00 EST").expect("render");
    assert!(sheet.replaced.is_empty());
    let (path, text) = checked(dir.path(), "aci.pdf", &sheet.pdf);
    for field in [
        "CRN 1234TR261126001",
        // Bilingual, English then French (issue 17), whatever the driver's language.
        "Manifeste électronique IPEC · Feuille de tête",
        "First port of arrival / Premier point d'arrivée: 0453 WINDSOR AMBASSADOR BRIDGE",
        "Driver / Chauffeur: Hélène Côté",
        "Consignee / Destinataire: Société des Alcools du Québec",
        "For the CBSA officer's stamp / Pour le timbre de l'agent de l'ASFC",
        &format!("fingerprint {}", sheet.fingerprint),
    ] {
        assert!(text.contains(field), "{field:?} not in:\n{text}");
    }
    let mut expected: Vec<String> = std::iter::once(t.trip_number.clone())
        .chain(
            t.shipments
                .iter()
                .filter(|s| s.type_code == "PARS")
                .map(|s| s.control_number.clone()),
        )
        .map(|p| format!("CODE-128:{p}"))
        .collect();
    expected.sort();
    for dpi in ["300", "150"] {
        assert_eq!(barcodes(&path, dpi, dir.path()), expected, "at {dpi} dpi");
    }

    // The driver's name can be left off.
    let anonymous = SheetOptions {
        driver_name: false,
        ..SheetOptions::default()
    };
    let sheet = render(&t, SheetKind::AciLead, &anonymous, "now").expect("render");
    let (_, text) = checked(dir.path(), "aci-anon.pdf", &sheet.pdf);
    assert!(!text.contains("Côté"), "{text}");
}

#[test]
fn the_ace_cover_sheet_carries_the_trip_code_and_never_a_paps_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = trip("ace-trip.json");
    let sheet = render(&t, SheetKind::AceCover, &SheetOptions::default(), "now").expect("render");
    let (path, text) = checked(dir.path(), "ace.pdf", &sheet.pdf);
    assert!(
        text.contains("ACE Electronic Manifest") && text.contains("Trip number:"),
        "{text}"
    );
    assert!(text.contains(&t.trip_number), "{text}");
    let qr = crossing_core::codes::ace_qr_payload(&t).expect("ace qr");
    assert!(!qr.contains('+') && !qr.contains('%'));
    for dpi in ["300", "150"] {
        let codes = barcodes(&path, dpi, dir.path());
        assert!(
            codes.contains(&format!("CODE-39:{}", t.trip_number)),
            "{codes:?}"
        );
        assert!(codes.contains(&format!("QR-Code:{qr}")), "{codes:?}");
        for s in &t.shipments {
            assert!(
                !codes.iter().any(|c| c.ends_with(&s.control_number)),
                "a PAPS code was drawn: {codes:?}"
            );
        }
    }
}

#[test]
fn the_placard_reads_through_at_both_resolutions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = trip("ace-trip.json");
    let sheet = render(&t, SheetKind::AcePlacard, &SheetOptions::default(), "now").expect("render");
    let (path, text) = checked(dir.path(), "placard.pdf", &sheet.pdf);
    assert!(
        text.contains("Número de viaje") && text.contains("Reimprima si el viaje cambia"),
        "{text}"
    );
    let qr = crossing_core::codes::ace_qr_payload(&t).expect("ace qr");
    for dpi in ["300", "150"] {
        assert_eq!(barcodes(&path, dpi, dir.path()), [format!("QR-Code:{qr}")]);
    }
}

#[test]
fn the_500_shipment_trip_makes_a_valid_multi_page_detailed_sheet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = trip("aci-trip-500.json");
    let options = SheetOptions {
        detailed: true,
        pars_codes: false,
        ..SheetOptions::default()
    };
    let sheet = render(&t, SheetKind::AciLead, &options, "now").expect("render");
    assert!(sheet.pages > 10, "{} pages", sheet.pages);
    let (_, text) = checked(dir.path(), "aci-500.pdf", &sheet.pdf);
    assert!(text.contains(&format!("page {} of {}", sheet.pages, sheet.pages)));
    assert!(text.contains(&t.shipments[499].control_number));
}

#[test]
fn a_letter_outside_win_ansi_is_printed_as_a_question_mark_and_reported() {
    let mut t = trip("aci-trip.json");
    t.crew[0].first_name = "Łukasz".into();
    let sheet = render(&t, SheetKind::AciLead, &SheetOptions::default(), "now").expect("render");
    assert_eq!(sheet.replaced, ['Ł']);
}
