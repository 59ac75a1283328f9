//! Every rule of the checker fires on an answer written to trip it, and stays quiet on a
//! near miss that differs only in what the rule looks for. The table is an exhaustive
//! `match` over `Rule`, so a new rule does not compile until it has its two answers.

use prepcoach::analysis::{Checker, QuestionContext, Rule, Rules};
use prepcoach::Catalog;

/// The bank's model answer of question `id`, as a candidate might paste it.
fn model_answer(id: &str) -> String {
    let catalog = Catalog::builtin().unwrap();
    catalog
        .question(id)
        .unwrap()
        .question
        .model_answer
        .full_text()
}

/// A strong answer with all five parts, numbers and a stakeholder (the README's example).
const STRONG: &str = "At a payroll software company, our biggest reseller in Benelux had fallen 40% behind its pipeline plan for two quarters, and it carried 18% of our regional revenue. I pulled their deal registrations and win/loss notes, then met their sales director with our regional sales lead and finance partner. The data showed two of their nine reps owned every deal, so I proposed a joint recovery plan: I ran enablement for the other seven sellers and set up a fortnightly pipeline review. Within two quarters their pipeline grew 55%, they signed 12 new customers worth $1.4M, and the account moved back above plan. Since then I look at rep coverage before I look at a partner's totals.";

/// Four hundred words more of the same story, none of them repeating: with `STRONG`, far
/// too long to say in two and a half minutes.
const LONG_TAIL: &str = "Before any of that, I spent the first week reading three years of their quarterly business reviews, which showed the decline had started when their founder stepped back from sales. Their new sales director had come from a distribution business and measured his team on volume shipped rather than new logos, so nobody was rewarded for opening accounts. I asked our channel operations analyst to rebuild the partner's pipeline report by rep, by segment and by stage, because the aggregate numbers hid almost everything. That report became the agenda for every meeting we had afterwards. I also interviewed six of their customers by phone, and four of them said our product was sold to them as an add-on rather than as a solution to a payroll compliance problem. That changed how I thought about enablement: the sellers did not need more product training, they needed a story about Dutch and Belgian payroll rules. Our product marketing manager and I wrote a one-page compliance brief in both languages and tested it with two of the reps before rolling it out. The finance team agreed to fund a small incentive for the first five new logos each rep closed, paid through the partner's own commission plan so it did not undercut their director. Legal reviewed the incentive so that it met the reseller agreement's rules on payments to partner staff. Midway through, the partner's operations lead left, and for a month nobody owned deal registration on their side. I set up a shared inbox and a weekly call with their office manager until a replacement was hired, which kept registrations flowing. By the end of the second quarter the two reps who had carried everything were mentoring the others on live deals. Their director started presenting the rep-level report at his own staff meeting without us in the room, which told me the habit would last. We renewed the reseller agreement the following spring on better terms for both sides, with a joint marketing budget tied to new logos rather than volume. Looking back, the part I would do faster is the customer interviews, because they explained in a week what the dashboards had hidden for two quarters, and they cost nothing but a few afternoons on the phone.";

/// The answer that fires `rule`, the near miss that does not, and the question both
/// answer (if the rule needs one).
fn case(rule: Rule) -> (String, String, Option<&'static str>) {
    let s = |t: &str| t.to_string();
    let without = |sentence: &str| STRONG.replace(sentence, "").trim().to_string();
    let outcome = "Within two quarters their pipeline grew 55%, they signed 12 new customers worth $1.4M, and the account moved back above plan.";
    let lesson = "Since then I look at rep coverage before I look at a partner's totals.";
    let long_words = "I pulled the deal registrations and the win and loss notes for every one of the partner's open opportunities and then I met their sales director and our regional sales lead and our finance partner to walk through each deal";
    match rule {
        Rule::EmptyAnswer => (s(""), s("I signed the partner."), None),
        Rule::MissingContext => (
            s("I ran enablement for seven sellers and set up a fortnightly pipeline review with their lead."),
            s(STRONG),
            None,
        ),
        Rule::MissingApproach => (
            s("Our reseller in Lyon was 40% behind target for two quarters. Their pipeline grew 55% in the end."),
            s(STRONG),
            None,
        ),
        Rule::MissingExample => (
            s("I usually pull the partner's data first. I typically run enablement for their sellers and set up a pipeline review. In general revenue grows 20% when partners are enabled."),
            s(STRONG),
            None,
        ),
        Rule::MissingOutcome => (without(outcome), s(STRONG), None),
        Rule::MissingLearning => (without(lesson), s(STRONG), None),
        Rule::NoMetrics => (
            s("We had a partner that was underperforming, so I met their sales director and we agreed a plan."),
            s("We had a partner that was 40% behind plan, so I met their sales director and we agreed a plan."),
            None,
        ),
        Rule::VagueClaim => (
            s("After the review, revenue grew significantly."),
            s("After the review, revenue grew 40%."),
            None,
        ),
        Rule::ActivityWithoutOutcome => (
            s("I made 200 calls and held 40 meetings with the partner's sellers."),
            s("I made 200 calls and held 40 meetings with the partner's sellers, and we signed 12 new customers."),
            None,
        ),
        Rule::Criticism => (
            s("Their channel team was incompetent, so I ran the enablement myself."),
            s("Their channel team was new to the product, so I ran the enablement myself."),
            None,
        ),
        Rule::NoStakeholders => (
            STRONG.replace(
                "their sales director with our regional sales lead and finance partner",
                "their channel director",
            ),
            s(STRONG),
            None,
        ),
        Rule::HypotheticalAnswer => (
            s("I would first pull the partner's deal data. I would then meet their sales director. I would set up a recovery plan with targets. I would review it every two weeks."),
            s(STRONG),
            Some("spm-03"),
        ),
        Rule::WeNotI => (
            s("We pulled the deal data. We met their sales director. We set up a fortnightly review, and pipeline grew 55%."),
            s("I pulled the deal data. We met their sales director. We set up a fortnightly review, and pipeline grew 55%."),
            None,
        ),
        Rule::Jargon => (
            s("I leveraged synergies between our sales teams, and pipeline grew 55%."),
            s("I paired our sales teams on shared accounts, and pipeline grew 55%."),
            None,
        ),
        Rule::NoClarifyingQuestion => (
            s("I would package the alliance's compliance services with our product for banks and hospitals, train our sellers on it, and run three joint pilots with named accounts over two quarters."),
            s("I would first ask what is driving the compliance worry, then package the alliance's compliance services with our product, train our sellers on it, and run three joint pilots over two quarters."),
            Some("core-11"),
        ),
        Rule::Filler => (
            s("Basically I ran the review, and pipeline grew 55%."),
            s("I ran the review, and pipeline grew 55%."),
            None,
        ),
        Rule::Hedge => (
            s("I think pipeline grew 55% after the review."),
            s("Pipeline grew 55% after the review."),
            None,
        ),
        Rule::TooShort => (without(outcome), STRONG.replace("Since then", "Since that quarter, when the account recovered, I have made it a habit that"), None),
        Rule::TooLong => (format!("{STRONG}\n\n{LONG_TAIL}"), s(STRONG), None),
        Rule::LongSentence => (
            format!("{long_words} before we agreed the recovery plan."),
            s("I pulled the deal registrations and met their sales director before we agreed the recovery plan."),
            None,
        ),
        Rule::LessonFirst => (
            format!("{lesson} {}", without(lesson)),
            s(STRONG),
            None,
        ),
        Rule::OutcomeBeforeAction => (
            s("Within two quarters their pipeline grew 55% and they signed 12 new customers. I had pulled their deal registrations and ran enablement for seven sellers."),
            s("I pulled their deal registrations and ran enablement for seven sellers. Within two quarters their pipeline grew 55% and they signed 12 new customers."),
            None,
        ),
        Rule::OffTopic => (
            s("At an online retailer our checkout conversion had fallen from 3.1% to 2.2% in three weeks. I pulled the funnel data by browser and found the drop was on one mobile browser after a payment library update. I rolled the release back that afternoon, wrote an automated test that places a real order every hour, and moved payment libraries behind feature flags. Conversion was back at 3.2% within ten days. Since then every release that touches checkout ships behind a flag."),
            s(STRONG),
            None,
        ),
        Rule::CopiedModelAnswer => (
            model_answer("spm-03"),
            s(STRONG),
            Some("spm-03"),
        ),
        Rule::Repeated => (format!("{STRONG}\n\n{STRONG}"), s(STRONG), None),
        Rule::Denial => (
            s("On that partnership I never ran a root cause analysis, no scorecard was ever set up and I didn't meet their sales lead. We didn't agree a recovery plan, and there was no result to speak of; the account stayed 40% behind plan."),
            s(STRONG),
            None,
        ),
        Rule::NoSpecifics => (
            s("I pulled the partner's data and met their sales lead. I proposed a recovery plan and ran enablement for their sellers. Pipeline grew 55% and the account moved back above plan. Since then I check rep coverage first."),
            s(STRONG),
            None,
        ),
        Rule::CueList => (
            s("I negotiated the terms of the agreement. I aligned stakeholders across sales and legal. I measured the results with KPIs. Revenue increased by 20 percent. I learned the value of trust."),
            s(STRONG),
            None,
        ),
        Rule::NumberSoup => (
            s("I had 4 partners, 3 reps, 2 engineers and 1 manager at 50%. We held 14 meetings, sent 27 emails and built 9 decks in 6 weeks."),
            s(STRONG),
            None,
        ),
        Rule::NoRealMetric => (
            s("Our biggest reseller in Benelux had fallen behind plan. I pulled their deal registrations, met their sales director with our finance partner and ran enablement for their sellers; their pipeline recovered and they signed new customers."),
            s("Our biggest reseller in Benelux had fallen behind plan. I pulled their deal registrations, met their sales director with our finance partner and ran enablement for their sellers; their pipeline grew 55% and they signed new customers."),
            None,
        ),
        Rule::NegativeIndicator => (
            s("The reseller's reps were lazy, so I ran enablement for them; pipeline grew 55% in two quarters."),
            s("The reseller's reps were new, so I ran enablement for them; pipeline grew 55% in two quarters."),
            Some("spm-03"),
        ),
    }
}

#[test]
fn every_rule_fires_on_its_answer_and_not_on_its_near_miss() {
    let catalog = Catalog::builtin().unwrap();
    let checker = Checker::new(Rules::builtin().unwrap()).with_models(&catalog);
    let mut failures = Vec::new();
    for &rule in Rule::ALL {
        let (fires, near_miss, question) = case(rule);
        let ctx = match question {
            Some(id) => QuestionContext::of(catalog.question(id).unwrap()),
            None => QuestionContext::default(),
        };
        let fired = |answer: &str| {
            checker
                .check(answer, ctx)
                .findings
                .iter()
                .any(|f| f.rule == rule)
        };
        if !fired(&fires) {
            failures.push(format!("{rule} does not fire on {fires:?}"));
        }
        if fired(&near_miss) {
            failures.push(format!("{rule} fires on the near miss {near_miss:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
