package dev.pitwall.ops.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSignatureTest {

    @Test
    void messagesThatDifferOnlyInIdsNumbersAndValuesShareASignature() {
        String a = ErrorSignature.of("ENOSPC: no space left on device, write '/usr/src/app/cache/5f3a/codes/x.js'");
        String b = ErrorSignature.of("ENOSPC: no space left on device, write '/usr/src/app/cache/77aa/codes/y.js'");
        assertThat(a).isEqualTo(b).isEqualTo("ENOSPC: no space left on device, write <value>");
    }

    @Test
    void idsUuidsAndNumbersAreNormalised() {
        assertThat(ErrorSignature.of("Run kD8s7fJq2LmN0pQr5TuVw timed out after 600 s"))
                .isEqualTo("Run <id> timed out after <n> s");
        assertThat(ErrorSignature.of("job 3f2b1c9e-8d7a-4b6c-9e5f-1a2b3c4d5e6f failed with 502"))
                .isEqualTo("job <uuid> failed with <n>");
    }

    @Test
    void differentReasonsStayApart() {
        assertThat(ErrorSignature.of("Cannot find module 'lodash'"))
                .isNotEqualTo(ErrorSignature.of("ENOSPC: no space left on device"));
        assertThat(ErrorSignature.of(null)).isEqualTo("(no message)");
    }
}
