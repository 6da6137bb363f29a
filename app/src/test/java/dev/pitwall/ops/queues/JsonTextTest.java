package dev.pitwall.ops.queues;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void parsesWhatJobHashesHold() throws Exception {
        Object parsed = JsonText.parse(" {\"jobType\":\"EXECUTE_FLOW\",\"n\":-1.5e2,\"ok\":true,\"none\":null,"
                + "\"list\":[1,\"a\\n\\u00e9\"],\"empty\":{}} ");
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("jobType")).isEqualTo("EXECUTE_FLOW");
        assertThat(map.get("n")).isEqualTo(-150.0);
        assertThat(map.get("ok")).isEqualTo(true);
        assertThat(map.containsKey("none")).isTrue();
        assertThat(map.get("list")).isEqualTo(List.of(1.0, "a\n\u00e9"));
    }

    @Test
    void saysWhereTextIsNotJson() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1,}")).hasMessage("expected a quoted key but found '}' at character 8");
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1")).hasMessage("expected ',' or '}' but found end of text at character 7");
        assertThatThrownBy(() -> JsonText.parse("[1] x")).hasMessage("unexpected 'x' after the value at character 5");
        assertThatThrownBy(() -> JsonText.parse("")).hasMessage("unexpected end of text at character 1");
        assertThatThrownBy(() -> JsonText.parse("\"abc")).hasMessageStartingWith("unterminated string");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        assertThatThrownBy(() -> JsonText.parse("[".repeat(100_000))).hasMessageStartingWith("nested deeper than");
    }

    @Test
    void prettyIndentsAndLeavesStringsAlone() {
        assertThat(JsonText.pretty("{\"a\":[1,2],\"s\":\"x,{y}:\\\"z\",\"e\":{}}")).isEqualTo("""
                {
                  "a": [
                    1,
                    2
                  ],
                  "s": "x,{y}:\\"z",
                  "e": {}
                }""");
    }

    @Test
    void prettyCopesWithCutText() {
        assertThat(JsonText.pretty("{\"a\":{\"b\":\"cut her")).isEqualTo("""
                {
                  "a": {
                    "b": "cut her""");
        assertThat(JsonText.pretty("]]}")).isEqualTo("\n]\n]\n}");
    }
}
