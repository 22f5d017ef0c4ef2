package io.riskgraph.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "上海市闵行区七宝镇富强路88号301室; 上海市闵行区七宝镇富强路88号301室",
            "上海 闵行区七宝镇富强路８８号３０１室; 上海市闵行区七宝镇富强路88号301室",
            "沪闵行区七宝镇富强路88号301室; 上海市闵行区七宝镇富强路88号301室",
            "浦东张江路1000号; 上海市浦东新区张江路1000号",
            "上海市浦东新区　张江路1000号; 上海市浦东新区张江路1000号",
            "上海市徐汇区漕溪北路398#; 上海市徐汇区漕溪北路398号",
            "Rm 301, No.88 Fuqiang Rd; room30188fuqiangroad",
            "'  '; NULL",
    })
    void address(String raw, String expected) {
        assertThat(Normalise.address(raw).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "13800001234; 13800001234",
            "+86 138-0000-1234; 13800001234",
            "0086 13800001234; 13800001234",
            "138 0000 1234; 13800001234",
            "０１３８００００１２３４; 13800001234",
            "021-6123 4567; 02161234567",
            "(021) 61234567 转 808; 02161234567",
            "021-61234567 ext. 12; 02161234567",
            "12345; NULL",
    })
    void phone(String raw, String expected) {
        assertThat(Normalise.phone(raw).orElse(null)).isEqualTo(expected);
    }
}
