package org.opcat.followup.localrun;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A few dozen recommendations in Chinese and English on the themes NPMs report on most (health
 * care, use of force, material conditions, legal safeguards, solitary confinement), issued over
 * three years, at every stage of their follow-up: some overdue, some confidential, some urgent.
 * Ids derive from references, so loading twice stores nothing new.
 */
public final class DemoData {

    public record Loaded(int authorities, int places, int recommendations) {
    }

    private record Template(String theme, String language, String title, String text, String place, List<String> addressees,
                            List<String> standards, String sourceKind) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("health-care", "zh", "确保入所体检在24小时内完成",
                    "所有新入所人员应在入所后24小时内由医务人员进行体检，并记录任何伤情。", "east-detention", List.of("police-custody"),
                    List.of("《曼德拉规则》第30条"), "VISIT_REPORT"),
            new Template("health-care", "en", "Ensure confidential medical examinations",
                    "Medical examinations must take place out of the hearing and, unless the doctor requests otherwise, "
                            + "out of the sight of custodial staff.", "police-3", List.of("police-custody"),
                    List.of("CPT standards on police custody"), "VISIT_REPORT"),
            new Template("use-of-force", "zh", "禁止将戒具用作惩罚",
                    "监狱不得将戒具用作惩罚手段；每次使用戒具均应记录并报告监狱长。", "prison-1", List.of("prisons", "prison-1-office"),
                    List.of("《曼德拉规则》第47条"), "VISIT_REPORT"),
            new Template("use-of-force", "en", "Record every use of force",
                    "Every use of force must be recorded in a dedicated register and reviewed by the director within 24 hours.",
                    "riverside", List.of("immigration"), List.of("Nelson Mandela Rules, rule 82"), "VISIT_REPORT"),
            new Template("material-conditions", "zh", "改善监舍通风和采光",
                    "第三监区监舍通风不良、自然采光不足，应在冬季前完成改造。", "prison-1", List.of("prisons"),
                    List.of("《曼德拉规则》第14条"), "VISIT_REPORT"),
            new Template("material-conditions", "en", "Provide beds, bedding and heating",
                    "Residents sleep on mattresses on the floor in unheated rooms; provide beds, bedding and heating.",
                    "sunrise", List.of("health"), List.of(), "VISIT_REPORT"),
            new Template("legal-safeguards", "zh", "保障被拘留者及时会见律师",
                    "被拘留者应自拘留之时起即可会见律师，并被告知其权利。", null, List.of("public-security", "justice"),
                    List.of("《保护所有遭受任何形式拘留或监禁的人的原则》第17条"), "THEMATIC_REPORT"),
            new Template("legal-safeguards", "en", "Notify a relative of every detention",
                    "Every person detained must be able to notify a relative or a person of their choice without delay.",
                    "police-3", List.of("police-custody"), List.of("Body of Principles, principle 16"), "VISIT_REPORT"),
            new Template("solitary-confinement", "zh", "单独监禁不得连续超过15天",
                    "禁止长期单独监禁；任何单独监禁不得连续超过15天，并应有医务人员每日探视。", null, List.of("prisons"),
                    List.of("《曼德拉规则》第43条、第44条"), "ANNUAL_REPORT"),
            new Template("solitary-confinement", "en", "End solitary confinement of children",
                    "Children must never be held in solitary confinement.", "juvenile", List.of("prisons"),
                    List.of("Havana Rules, rule 67"), "VISIT_REPORT"),
            new Template("health-care", "zh", "制定减少约束措施的计划",
                    "精神卫生中心应制定减少身体约束和隔离的计划，并对每次约束进行记录。", "psychiatric", List.of("health"),
                    List.of(), "VISIT_REPORT"),
            new Template("legal-safeguards", "en", "Set a maximum duration for immigration detention",
                    "Detention of migrants should be a measure of last resort, with a maximum duration set by law.", null,
                    List.of("legislature", "immigration"), List.of("ICCPR, article 9"), "LEGISLATIVE_OPINION"));

    private final DemoClient api;
    private final LocalDate today = LocalDate.now();
    private final Map<String, UUID> authorities = new HashMap<>();
    private final Map<String, UUID> places = new HashMap<>();

    public DemoData(DemoClient api) {
        this.api = api;
    }

    public Loaded load() {
        authority("justice", "司法部", "MINISTRY", null);
        authority("prisons", "司法部监狱管理局", "DETENTION_ADMINISTRATION", "justice");
        authority("prison-1-office", "市第一监狱监狱长办公室", "PLACE_MANAGEMENT", "prisons");
        authority("public-security", "公安部", "MINISTRY", null);
        authority("police-custody", "公安部监所管理局", "DETENTION_ADMINISTRATION", "public-security");
        authority("health", "Ministry of Health", "MINISTRY", null);
        authority("immigration", "National Immigration Administration", "DETENTION_ADMINISTRATION", null);
        authority("legislature", "Parliamentary Committee on Legal Affairs", "LEGISLATURE", null);
        place("prison-1", "市第一监狱", "PRISON", "华东", "prisons");
        place("east-detention", "城东看守所", "PRE_TRIAL_DETENTION", "华东", "police-custody");
        place("police-3", "Central Police Station No. 3", "POLICE_STATION", "North", "police-custody");
        place("psychiatric", "市精神卫生中心", "PSYCHIATRIC_INSTITUTION", "华东", "health");
        place("riverside", "Riverside Immigration Detention Centre", "IMMIGRATION_DETENTION", "South", "immigration");
        place("juvenile", "青少年教养所", "JUVENILE_CENTRE", "华北", "prisons");
        place("sunrise", "Sunrise Social Care Home", "SOCIAL_CARE_HOME", "West", "health");

        int count = 0;
        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            for (int i = 0; i < TEMPLATES.size(); i++) {
                if (recommend(year, i)) {
                    count++;
                }
            }
        }
        return new Loaded(authorities.size(), places.size(), count);
    }

    private boolean recommend(int year, int i) {
        Template t = TEMPLATES.get(i);
        LocalDate issuedOn = LocalDate.of(year, 1 + (i * 5 + year) % 11, 1 + (i * 7) % 27);
        if (issuedOn.isAfter(today.minusDays(20))) {
            return false;
        }
        String reference = year + "/V-" + String.format("%02d", 1 + i / 2) + "/R-" + String.format("%02d", 1 + i % 2);
        UUID id = id("recommendation", reference);
        Map<String, Object> issue = new HashMap<>();
        issue.put("recommendationId", id);
        issue.put("reference", reference);
        issue.put("title", t.title());
        issue.put("text", t.text());
        issue.put("language", t.language());
        issue.put("issuedOn", issuedOn.toString());
        issue.put("source", Map.of("kind", t.sourceKind(), "documentReference",
                (t.language().equals("zh") ? "查访报告 " : "Visit report ") + year + "/V-" + String.format("%02d", 1 + i / 2)));
        issue.put("placeId", t.place() == null ? null : places.get(t.place()));
        issue.put("addresseeAuthorityIds", t.addressees().stream().map(authorities::get).toList());
        issue.put("themes", List.of(t.theme()));
        issue.put("scope", t.place() == null ? "SYSTEMIC" : "PLACE_SPECIFIC");
        issue.put("priority", List.of(2, 8, 9).contains(i) ? "URGENT" : List.of(0, 6).contains(i) ? "HIGH" : "NORMAL");
        issue.put("standards", t.standards());
        issue.put("responseDueOn", issuedOn.plusDays(60).toString());
        issue.put("confidential", i == 3 || i == 10);
        api.post("analyst", "/api/recommendations", issue);

        String base = "/api/recommendations/" + id;
        UUID addressee = authorities.get(t.addressees().get(0));
        int pattern = (i + year) % 6;
        if (pattern == 0) {
            return true; // awaiting a response; overdue once 60 days have passed
        }
        String position = pattern == 5 ? "REJECTED" : pattern == 2 ? "PARTIALLY_ACCEPTED" : "ACCEPTED";
        LocalDate answered = upToToday(issuedOn.plusDays(25 + i));
        api.post("analyst", base + "/responses", Map.of("responseId", id("response", reference), "authorityId", addressee,
                "receivedOn", answered.toString(), "channel", i % 3 == 0 ? "MEETING" : "WRITTEN", "position", position,
                "text", t.language().equals("zh") ? "该机关" + (position.equals("REJECTED") ? "不接受" : "接受") + "本建议，并说明了理由。"
                        : "The authority " + (position.equals("REJECTED") ? "does not accept" : "accepts") + " the recommendation.",
                "documentReference", "REF-" + reference));
        if (pattern == 5) {
            LocalDate reiterated = LocalDate.of(year + 1, 3, 31);
            if (!reiterated.isAfter(today)) {
                api.post("analyst", base + "/reiterations", Map.of("reiteratedOn", reiterated.toString(),
                        "documentReference", "Annual report " + year));
            }
            return true;
        }
        if (pattern >= 2) {
            LocalDate filed = upToToday(answered.plusDays(20));
            api.post("analyst", base + "/action-plans", Map.of("actionPlanId", id("plan", reference), "authorityId", addressee,
                    "filedOn", filed.toString(), "measures", List.of(
                            Map.of("description", t.language().equals("zh") ? "制定书面规程并培训工作人员" : "Write a procedure and train staff",
                                    "responsibleUnit", t.language().equals("zh") ? "培训处" : "Training unit",
                                    "targetDate", filed.plusDays(90).toString()),
                            Map.of("description", t.language().equals("zh") ? "完成整改并报告" : "Complete the works and report",
                                    "responsibleUnit", t.language().equals("zh") ? "装备财务处" : "Facilities unit",
                                    "targetDate", filed.plusDays(240).toString()))));
            if (pattern >= 3) {
                LocalDate visited = upToToday(filed.plusDays(150));
                api.post("analyst", base + "/follow-up-visits", Map.of("followUpId", id("visit", reference),
                        "visitedOn", visited.toString(), "findings", t.language().equals("zh") ? "复查发现部分整改已完成。"
                                : "The follow-up visit found part of the work done.",
                        "assessedStatus", pattern == 4 ? "IMPLEMENTED" : "PARTIALLY_IMPLEMENTED"));
                if (pattern == 3) {
                    api.post("analyst", base + "/assessments", Map.of("assessmentId", id("assessment", reference),
                            "assessedOn", upToToday(visited.plusDays(30)).toString(), "status", "IN_PROGRESS",
                            "basis", t.language().equals("zh") ? "民间社会组织报告" : "Report of a civil society organisation"));
                }
                if (pattern == 4 && year < today.getYear()) {
                    LocalDate implemented = upToToday(visited.plusDays(10));
                    api.post("analyst", base + "/implementation", Map.of("implementedOn", implemented.toString(),
                            "evidence", t.language().equals("zh") ? "复查确认已全面落实。" : "Confirmed on the follow-up visit."));
                    if (year == today.getYear() - 2 && !implemented.plusDays(200).isAfter(today)) {
                        api.post("analyst", base + "/reopening", Map.of("reopenedOn", implemented.plusDays(200).toString(),
                                "reason", t.language().equals("zh") ? "再次查访发现问题复发。" : "The problem came back."));
                    }
                }
            }
        }
        if (i == 11 && year == today.getYear() - 2) {
            UUID successor = id("recommendation", (year + 1) + "/V-06/R-02");
            LocalDate withdrawn = LocalDate.of(year + 1, 12, 31);
            if (!withdrawn.isAfter(today)) {
                recommend(year + 1, i);
                api.post("analyst", base + "/withdrawal", Map.of("withdrawnOn", withdrawn.toString(), "reason", "SUPERSEDED",
                        "supersededBy", successor));
            }
        }
        return true;
    }

    private LocalDate upToToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private void authority(String key, String name, String kind, String parent) {
        UUID id = id("authority", key);
        Map<String, Object> body = new HashMap<>(Map.of("authorityId", id, "name", name, "kind", kind));
        if (parent != null) {
            body.put("parentAuthorityId", authorities.get(parent));
        }
        api.post("admin", "/api/authorities", body);
        authorities.put(key, id);
    }

    private void place(String key, String name, String type, String region, String authority) {
        UUID id = id("place", key);
        api.post("admin", "/api/places", Map.of("placeId", id, "name", name, "type", type, "region", region,
                "authorityId", authorities.get(authority)));
        places.put(key, id);
    }

    static UUID id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

}
