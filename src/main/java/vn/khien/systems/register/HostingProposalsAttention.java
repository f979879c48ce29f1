package vn.khien.systems.register;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/** Hosting kinds that the operators of the person's systems proposed, waiting for the owner's side (ADR 0057). */
@Component
@Order(11)
class HostingProposalsAttention implements AttentionSource {

    private final SystemRepository repository;

    HostingProposalsAttention(SystemRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        return repository.hostingProposalsToDecide(20).stream()
                .map(s -> AttentionItem.of(
                        Severity.WARNING,
                        "systems.attention.hostingProposal",
                        "/systems/" + s.id() + "#hosting",
                        s.code(),
                        s.name(),
                        s.operatorName()))
                .toList();
    }
}
