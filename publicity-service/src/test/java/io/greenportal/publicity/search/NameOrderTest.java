package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Names sort as a Chinese reader expects them: by pinyin, not by where the characters sit in Unicode. */
@Tag("unit")
class NameOrderTest {

    @Test
    void keysSortNamesInPinyinOrder() {
        // in code-point order 中 (U+4E2D) < 北 < 宁 < 安 < 重 (U+91CD)
        List<String> names = List.of("中银纺织科技有限公司", "北京绿能科技有限公司", "宁夏绿源新材料有限公司",
                "安徽海螺水泥股份有限公司", "重庆长安汽车股份有限公司", "大同冀东水泥有限责任公司");
        assertThat(names.stream().sorted(Comparator.comparing(NameOrder::key)).toList()).containsExactly(
                "安徽海螺水泥股份有限公司", // an
                "北京绿能科技有限公司", // bei
                "重庆长安汽车股份有限公司", // chong (重 read as in 重庆, not zhong)
                "大同冀东水泥有限责任公司", // da
                "宁夏绿源新材料有限公司", // ning
                "中银纺织科技有限公司"); // zhong
    }

    @Test
    void aLongerNameFollowsItsBeginningAndCaseDoesNotSeparateNames() {
        assertThat(NameOrder.key("宁夏")).isLessThan(NameOrder.key("宁夏绿源"));
        assertThat(NameOrder.key("ABC绿色")).isEqualTo(NameOrder.key("abc绿色"));
        assertThat(NameOrder.key(" 宁夏 ")).isEqualTo(NameOrder.key("宁夏"));
    }

    @Test
    void noNameHasNoKey() {
        assertThat(NameOrder.key(null)).isNull();
        assertThat(NameOrder.key("  ")).isNull();
    }
}
