package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateHashTest {

    @Test
    void namesATemplateByWhatItMeansNotByHowItIsWritten() {
        PodTemplateSpec template = WorkerTemplates.shared("0.87.3");
        PodTemplateSpec reordered = PodFactory.copy(template);
        List<Map.Entry<String, String>> labels = new ArrayList<>(reordered.getMetadata().getLabels().entrySet());
        Collections.reverse(labels);
        Map<String, String> reversed = new LinkedHashMap<>();
        labels.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        reordered.getMetadata().setLabels(reversed);
        PodTemplateSpec labelled = PodFactory.copy(template);
        labelled.getMetadata().getLabels().put("pod-template-hash", "5d8c7b9f6");

        assertThat(TemplateHash.of(reordered)).isEqualTo(TemplateHash.of(template));
        assertThat(TemplateHash.of(labelled)).as("a rollback brings the ReplicaSet's own label back")
                .isEqualTo(TemplateHash.of(template));
        assertThat(TemplateHash.of(template)).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
    }

    @Test
    void changesWithTheImageOrTheEnvironment() {
        PodTemplateSpec template = WorkerTemplates.dedicated("acme", "0.87.3", "SANDBOX_PROCESS");
        assertThat(TemplateHash.of(WorkerTemplates.dedicated("acme", "0.87.4", "SANDBOX_PROCESS")))
                .isNotEqualTo(TemplateHash.of(template));
        assertThat(TemplateHash.of(WorkerTemplates.dedicated("acme", "0.87.3", "SANDBOX_CODE_ONLY")))
                .isNotEqualTo(TemplateHash.of(template));
    }
}
