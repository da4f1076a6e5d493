//! The library API the editor uses: spans into the text checked, rewrites, dismissals and the
//! incremental section checker.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use blameless::lint::{Checker, People, Scope, SectionChecker, apply_rewrite, dismiss, is_dismissed};
use blameless::store;

fn checker() -> Checker {
    Checker::builtin().unwrap()
}

#[test]
fn spans_point_at_the_words_and_rewrites_read_well() {
    let c = checker();
    let text = "For 40 minutes checkout failed.\n\nThe root cause was an expired certificate.";
    let found = c.check_text(text, Scope::Prose, &People::new());
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(&text[f.span.clone()], "The root cause");
    let r = f.rewrite.as_ref().unwrap();
    assert_eq!(
        apply_rewrite(text, r.span.clone(), &r.replacement),
        "For 40 minutes checkout failed.\n\nA contributing factor was an expired certificate."
    );
}

#[test]
fn rewrites_turn_blame_into_process_questions() {
    let c = checker();
    let cases = [
        ("Dave forgot to rotate the certificate.", "The step to rotate the certificate did not happen."),
        ("Why did Sam restart the primary?", "What made it make sense to restart the primary at the time?"),
        ("Why didn't the on-call check the runbook?", "What made it hard to check the runbook?"),
        ("Who approved the change?", "How did the change get approved?"),
        ("Obviously, the on-call paged the DBA.", "The on-call paged the DBA."),
        ("Kenji fat-fingered the region.", "Kenji mistyped the region."),
    ];
    for (text, expected) in cases {
        let found = c.check_text(text, Scope::Prose, &People::new());
        let r =
            found.iter().find_map(|f| f.rewrite.clone()).unwrap_or_else(|| panic!("no rewrite for {text}: {found:?}"));
        assert_eq!(apply_rewrite(text, r.span, &r.replacement), expected);
    }
}

#[test]
fn scope_guards_keep_forward_looking_actions_and_code_quiet() {
    let c = checker();
    let none = |text: &str, scope| assert_eq!(c.check_text(text, scope, &People::new()), vec![], "{text}");
    none("The deploy script should have a dry-run mode.", Scope::Actions);
    none("The runbook should clearly state the region.", Scope::Actions);
    none("Run `retrain --all-engineers` after the upgrade.", Scope::Actions);
    none("The log said \"operator error, the root cause is unknown\".", Scope::Prose);
    none("```\nDave forgot to set the flag\n```", Scope::Prose);
    none("14:02 Priya paged the database on-call.", Scope::Timeline);
    // A who-question rule applies to questions only.
    none("The engineer who merged the fix stayed on.", Scope::Prose);
}

#[test]
fn the_people_of_a_document_are_known_even_in_lowercase_or_at_a_sentence_start() {
    let c = checker();
    let mut people = People::new();
    people.add("Rowan");
    assert!(
        c.check_text("Rowan forgot to page the DBA.", Scope::Prose, &People::new()).iter().any(|f| f.rule == "forgot")
    );
    assert!(
        c.check_text("the handover said rowan forgot the flag.", Scope::Prose, &people)
            .iter()
            .any(|f| f.rule == "forgot")
    );
    assert!(c.check_text("the handover said rowan forgot the flag.", Scope::Prose, &People::new()).is_empty());
}

#[test]
fn a_dismissal_is_recorded_in_the_document_and_honoured() {
    let c = checker();
    let src = include_str!("fixtures/checkout.yaml").replace(
        "      A schema migration held a lock",
        "      The root cause was the lock.\n      A schema migration held a lock",
    );
    let mut doc = store::parse_document(Path::new("c.yaml"), &src).unwrap().doc;
    let people = c.people(&doc);
    let finding = c.check_text(&doc.sections[0].text, Scope::Prose, &people).remove(0);
    assert!(!is_dismissed(&doc, &finding.rule, &finding.text));
    assert!(dismiss(&mut doc, &finding, Some("Priya Raman"), Some("the vendor's wording, quoted")));
    assert!(!dismiss(&mut doc, &finding, None, None), "dismissing twice records it once");
    assert!(is_dismissed(&doc, "root-cause", "the  ROOT cause"), "compared without case or spacing");
    assert!(c.check_document(&doc, None, None).iter().all(|d| d.finding.rule != "root-cause"));
    // It is saved with the document and read back.
    let saved = store::document_text(&doc).unwrap();
    assert!(
        saved.contains("dismissed:\n- rule: root-cause\n") || saved.contains("dismissed:\n  - rule: root-cause\n"),
        "{saved}"
    );
    let again = store::parse_document(Path::new("c.yaml"), &saved).unwrap().doc;
    assert_eq!(again.dismissed, doc.dismissed);
}

#[test]
fn the_section_checker_reuses_unchanged_paragraphs_and_agrees_with_a_full_check() {
    let c = checker();
    let people = People::new();
    let mut section = SectionChecker::new(Scope::Prose);
    let mut text =
        String::from("The root cause was DNS.\n\n```\nDave forgot\n\nthe flag\n```\n\nSam forgot the flag.\n");
    for edit in ["", "Obviously ", "x"] {
        text.insert_str(0, edit);
        let incremental = section.check(&c, &text, &people);
        assert_eq!(incremental, c.check_text(&text, Scope::Prose, &people), "after inserting {edit:?}");
        for f in &incremental {
            assert_eq!(&text[f.span.clone()], f.text);
        }
    }
}

#[test]
fn completeness_findings_are_part_of_a_document_check() {
    let c = checker();
    let src = include_str!("fixtures/checkout.yaml")
        .replace("    owner: database on-call\n", "")
        .replace("    due: 2026-12-15\n", "");
    let doc = store::parse_document(Path::new("c.yaml"), &src).unwrap().doc;
    let rules: Vec<String> = c.check_document(&doc, None, None).into_iter().map(|d| d.finding.rule).collect();
    assert!(rules.contains(&"action-owner-missing".to_string()), "{rules:?}");
    assert!(rules.contains(&"action-due-missing".to_string()), "{rules:?}");
    assert!(rules.contains(&"timeline-evidence-missing".to_string()), "{rules:?}");
}

/// An entry of several lines (an imported phase and the bullets below it) is named on one line
/// in the finding's message, as a terminal shows it.
#[test]
fn an_entry_of_several_lines_is_named_on_one_line() {
    let c = checker();
    let src = include_str!("fixtures/checkout.yaml").replace(
        "    event: Error-rate alert pages the checkout on-call\n",
        "    event: |-\n      Alert:\n      - pages the checkout on-call\n",
    );
    let doc = store::parse_document(Path::new("c.yaml"), &src).unwrap().doc;
    let found = c.check_document(&doc, None, None);
    let messages: Vec<&str> = found
        .iter()
        .filter(|d| d.finding.rule == "timeline-evidence-missing")
        .map(|d| d.finding.message.as_str())
        .collect();
    assert!(messages.iter().any(|m| m.contains("`Alert: - pages the checkout on-call`")), "{messages:?}");
    assert!(!messages.iter().any(|m| m.contains('\n')), "{messages:?}");
}

/// A product named like a person ("Pathfinder failed to sync") is a thing wherever the same
/// file or document calls it one ("the Lantern service", "Quill, our billing bot,"); a name
/// the file never calls a thing stays a person, and a name the configuration lists wins.
#[test]
fn a_product_the_file_calls_a_service_or_a_bot_is_not_a_person() {
    let c = checker();
    let rules = |text: &str, people: &People| {
        c.check_markdown(text, people).into_iter().map(|f| f.rule.to_string()).collect::<Vec<_>>()
    };
    let text = "The Lantern service restarted at 10:00.\n\nLantern failed to flush its batch.\n";
    assert_eq!(rules(text, &c.markdown_people(text)), Vec::<String>::new());
    assert_eq!(rules(text, &People::new()), vec!["failed-to"]);
    let text = "Quill, our billing bot, restarted.\n\nQuill neglected to send two invoices.\n";
    assert_eq!(rules(text, &c.markdown_people(text)), Vec::<String>::new());
    let text = "The Lantern service restarted.\n\nBram failed to flush the batch.\n";
    assert_eq!(rules(text, &c.markdown_people(text)), vec!["failed-to"]);
    let mut people = c.markdown_people("The Rowan service restarted.");
    people.add("Rowan");
    assert_eq!(rules("Rowan failed to flush the batch.", &people), vec!["failed-to"]);
}
