package org.opcat.followup.spreadsheet;

import java.util.List;
import java.util.Optional;

/**
 * The sheets of the layout (docs/spreadsheet-layout.md). Every sheet but the first is optional and
 * keyed by the recommendation's reference; an action plan spans several rows, one per measure,
 * grouped by its plan key.
 */
public enum Sheet {

    RECOMMENDATIONS("recommendations", "建议", List.of(
            new Column("reference", "编号", true),
            new Column("title", "标题", true),
            new Column("text", "正文", true),
            new Column("language", "语言", true),
            new Column("issuedOn", "提出日期", true, List.of("发布日期")),
            new Column("sourceKind", "来源类型", true),
            new Column("documentReference", "来源文件", false),
            new Column("place", "场所", false),
            new Column("addressees", "致送机关", true, List.of("收件机关")),
            new Column("themes", "主题", false),
            new Column("scope", "范围", true),
            new Column("priority", "优先级", true),
            new Column("standards", "国际标准", false),
            new Column("responseDueOn", "答复期限", false),
            new Column("confidential", "保密", false))),

    RESPONSES("responses", "答复", List.of(
            new Column("reference", "编号", true),
            new Column("authority", "机关", true),
            new Column("receivedOn", "收到日期", true),
            new Column("channel", "渠道", true),
            new Column("position", "立场", true),
            new Column("text", "答复内容", true),
            new Column("documentReference", "文件编号", false))),

    ACTION_PLANS("action-plans", "行动计划", List.of(
            new Column("reference", "编号", true),
            new Column("planKey", "计划编号", true),
            new Column("authority", "机关", true),
            new Column("filedOn", "提交日期", true),
            new Column("measure", "措施", true),
            new Column("responsibleUnit", "负责单位", true),
            new Column("targetDate", "目标日期", true))),

    FOLLOW_UP_VISITS("follow-up-visits", "后续查访", List.of(
            new Column("reference", "编号", true),
            new Column("visitedOn", "查访日期", true),
            new Column("place", "场所", false),
            new Column("findings", "查访结果", true),
            new Column("assessedStatus", "落实状况", true)));

    /** Lists inside one cell (addressees, themes, standards) are separated by this. */
    public static final String LIST_SEPARATOR = ";";

    private final String englishName;
    private final String chineseName;
    private final List<Column> columns;

    Sheet(String englishName, String chineseName, List<Column> columns) {
        this.englishName = englishName;
        this.chineseName = chineseName;
        this.columns = columns;
    }

    public String sheetName(HeaderLanguage language) {
        return language == HeaderLanguage.ZH ? chineseName : englishName;
    }

    /** The English sheet name: how problems and parameters name the sheet. */
    public String key() {
        return englishName;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column a header names, in either language, ignoring case, width, spaces, '-' and '_'. */
    public Optional<Column> column(String header) {
        String wanted = Names.headerKey(header);
        return columns.stream()
                .filter(c -> Names.headerKey(c.key()).equals(wanted) || Names.headerKey(c.chinese()).equals(wanted)
                        || c.formerChinese().stream().anyMatch(former -> Names.headerKey(former).equals(wanted)))
                .findFirst();
    }

    /** The sheet a sheet name (or the {@code sheet} parameter of a CSV upload) names, in either language. */
    public static Optional<Sheet> named(String name) {
        String wanted = Names.headerKey(name == null ? "" : name);
        for (Sheet sheet : values()) {
            if (Names.headerKey(sheet.englishName).equals(wanted) || Names.headerKey(sheet.chineseName).equals(wanted)
                    || Names.headerKey(sheet.name()).equals(wanted)) {
                return Optional.of(sheet);
            }
        }
        return Optional.empty();
    }
}
