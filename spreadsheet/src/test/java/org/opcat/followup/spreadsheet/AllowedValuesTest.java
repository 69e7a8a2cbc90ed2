package org.opcat.followup.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A choice cell by its code or its label in either language; the templates list the allowed values. */
class AllowedValuesTest {

    @Test
    void aChoiceIsReadByItsCodeOrEitherLabel() {
        assertThat(AllowedValues.code("sourceKind", "查访报告")).contains("VISIT_REPORT");
        assertThat(AllowedValues.code("sourceKind", " visit  Report ")).contains("VISIT_REPORT");
        assertThat(AllowedValues.code("sourceKind", "visit-report")).contains("VISIT_REPORT");
        assertThat(AllowedValues.code("scope", "特定场所")).contains("PLACE_SPECIFIC");
        assertThat(AllowedValues.code("priority", "高")).contains("HIGH");
        assertThat(AllowedValues.code("language", "中文")).contains("zh");
        assertThat(AllowedValues.code("language", "English")).contains("en");
        assertThat(AllowedValues.code("priority", "很高")).isEmpty();
        assertThat(AllowedValues.code("title", "高")).isEmpty();
    }

    @Test
    void theTemplateListsTheAllowedValuesOffersThemAsDropDownsAndReadsBackWithoutThatSheet() throws Exception {
        byte[] template = SheetWriter.xlsx(HeaderLanguage.ZH, Map.of());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet allowed = workbook.getSheet("可用值");
            assertThat(allowed).isNotNull();
            List<String> headers = List.of(allowed.getRow(0).getCell(0).getStringCellValue(), allowed.getRow(0).getCell(1).getStringCellValue());
            assertThat(headers).containsExactly("语言", "来源类型");
            assertThat(allowed.getRow(1).getCell(1).getStringCellValue()).isEqualTo("查访报告");
            XSSFSheet recommendations = workbook.getSheet("建议");
            List<String> lists = recommendations.getDataValidations().stream()
                    .map(DataValidation::getValidationConstraint).map(c -> c.getFormula1()).toList();
            assertThat(lists).contains("'可用值'!$B$2:$B$7");
        }
        // An export (rows given) is the layout's sheets only.
        byte[] export = SheetWriter.xlsx(HeaderLanguage.EN, Map.of(Sheet.RECOMMENDATIONS, List.of()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(Sheet.values().length);
        }
        // A template filled in and uploaded: its sheet of allowed values is no unknown sheet.
        java.io.ByteArrayOutputStream filled = new java.io.ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var row = workbook.getSheet("建议").createRow(1);
            for (int c = 0; c < Sheet.RECOMMENDATIONS.columns().size(); c++) {
                row.createCell(c).setCellValue("x");
            }
            workbook.write(filled);
        }
        assertThat(SheetReader.read(filled.toByteArray(), FileFormat.XLSX, null).get(Sheet.RECOMMENDATIONS)).hasSize(1);
    }
}
