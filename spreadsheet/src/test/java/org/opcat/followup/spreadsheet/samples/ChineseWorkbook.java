package org.opcat.followup.spreadsheet.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opcat.followup.spreadsheet.Sheet;

/**
 * A workbook as a Chinese-speaking NPM keeps it: Chinese dates, names typed with full-width spaces;
 * 36 recommendations worded after the SPT's self-assessment tool (paragraphs 30-45), with
 * responses, action plans and follow-up visits. Written with Chinese sheet names and headers by
 * whoever uses it (SheetWriter with HeaderLanguage.ZH).
 */
public final class ChineseWorkbook {

    private ChineseWorkbook() {
    }

    public static final String[] TITLES = {
            "重点论述虐待行为", "记录良好做法", "审查蓄意虐待的案件", "建议应有充分的依据", "解决系统性缺陷",
            "制订使用报告的战略", "定期核查建议的执行工作", "与监管部门保持建设性对话", "制订具体行动计划",
            "立即停止某些做法并启动刑事调查", "出版查访报告", "与民间社会保持对话"};
    public static final String[] TEXTS = {
            "查访报告应重点论述最重要的问题，即报告虐待行为、政策、条例和做法中的缺陷以及被拘留人员的生活条件是否适当等问题。",
            "应关注和记录良好做法，并加以系统分析。",
            "应审查蓄意虐待的案件，以查明在保护被剥夺自由者方面存在哪些缺陷。",
            "报告中的建议应该有充分的依据，尤其应该体现相关的国际准则和实践。",
            "建议应以预防为重，解决系统性的缺陷和做法(根源问题)，而且要切实可行。",
            "国家预防机制应依据自身的经验制订使用报告的战略，其中应包括将其报告提交有关官方机构和政府，作为对话的基础。",
            "国家预防机制应定期核查建议的执行工作，主要是对有问题的机构进行后续查访。",
            "机制首先应该与建议的对象(即政府当局和相关拘留地点的管理者)保持建设性对话，还应与其监管部门保持建设性的对话。",
            "建议的对象应该应机制的要求，制订具体政策或行动计划，在必要时着手改革。",
            "特殊情况下，宜建议当局立即停止某些做法并启动刑事调查。",
            "原则上应出版查访报告，包括建议。",
            "国家预防机制应与民间社会等其他相关国家和国际行为方保持对话，审议它们提供的所有相关资料。"};
    // A province of its own: other tests of this database import 司法部 and 监狱管理局.
    public static final String[] AUTHORITIES = {"甲省司法厅", "甲省监狱管理局", "甲省公安厅", "甲省卫生健康委员会"};
    public static final String[] PLACES = {"甲省第一监狱", "甲省第二看守所", "甲省精神卫生中心"};
    public static final int ROWS = 36;

    /** The workbook: every recommendation answered, every third with a plan of two measures, every fourth visited. */
    public static Map<Sheet, List<Map<String, String>>> workbook() {
        List<Map<String, String>> recommendations = new ArrayList<>();
        List<Map<String, String>> responses = new ArrayList<>();
        List<Map<String, String>> plans = new ArrayList<>();
        List<Map<String, String>> visits = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String reference = "2025/查访-" + (i / 4 + 1) + "/建议-" + (i % 4 + 1);
            String authority = AUTHORITIES[i % AUTHORITIES.length];
            boolean placeSpecific = i % 2 == 0;
            Map<String, String> rec = new LinkedHashMap<>();
            rec.put("reference", reference);
            rec.put("title", TITLES[i % TITLES.length] + "（第" + (i + 1) + "条）");
            rec.put("text", TEXTS[i % TEXTS.length]);
            rec.put("language", "zh");
            rec.put("issuedOn", "2025年" + (i % 9 + 1) + "月" + (i % 27 + 1) + "日");
            rec.put("sourceKind", i % 5 == 0 ? "THEMATIC_REPORT" : "VISIT_REPORT");
            rec.put("documentReference", "查访报告 2025/V-" + (i / 4 + 1));
            // Ideographic spaces around a name, as typed in a Chinese input method: still the same authority.
            rec.put("addressees", "\u3000" + authority + "\u3000" + (i % 3 == 0 && !authority.equals("甲省监狱管理局") ? ";甲省监狱管理局" : ""));
            if (placeSpecific) {
                rec.put("place", PLACES[i % PLACES.length]);
            }
            rec.put("themes", i % 2 == 0 ? "医疗;单独监禁" : "酷刑预防");
            rec.put("scope", placeSpecific ? "PLACE_SPECIFIC" : "SYSTEMIC");
            rec.put("priority", i % 7 == 0 ? "URGENT" : "NORMAL");
            rec.put("standards", "《纳尔逊·曼德拉规则》第44条;《任择议定书》第19条");
            rec.put("responseDueOn", "2025-12-31");
            rec.put("confidential", i % 10 == 0 ? "是" : "否");
            recommendations.add(rec);
            {
                responses.add(Map.of("reference", reference, "authority", authority, "receivedOn", "2025-12-" + (i % 28 + 1),
                        "channel", i % 2 == 0 ? "WRITTEN" : "MEETING", "position", i % 4 == 0 ? "PARTIALLY_ACCEPTED" : "ACCEPTED",
                        "text", "我部接受该建议，将于明年起逐步落实。", "documentReference", "复函〔2025〕" + (i + 1) + "号"));
            }
            if (i % 3 == 0) {
                plans.add(Map.of("reference", reference, "planKey", "计划一", "authority", authority, "filedOn", "2026-01-15",
                        "measure", "修订管理规定", "responsibleUnit", "法规处", "targetDate", "2026-06-30"));
                plans.add(Map.of("reference", reference, "planKey", "计划一", "authority", authority, "filedOn", "2026-01-15",
                        "measure", "开展全员培训", "responsibleUnit", "培训中心", "targetDate", "2026-09-30"));
            }
            if (i % 4 == 0) {
                visits.add(Map.of("reference", reference, "visitedOn", "2026-03-" + (i % 28 + 1),
                        "findings", "后续查访发现：规定已修订，培训尚未开展。", "assessedStatus", "IN_PROGRESS"));
            }
        }
        Map<Sheet, List<Map<String, String>>> workbook = new LinkedHashMap<>();
        workbook.put(Sheet.RECOMMENDATIONS, recommendations);
        workbook.put(Sheet.RESPONSES, responses);
        workbook.put(Sheet.ACTION_PLANS, plans);
        workbook.put(Sheet.FOLLOW_UP_VISITS, visits);
        return workbook;
    }

}
