package vn.khien.systems.operators;

import java.util.List;
import java.util.Objects;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/** Proposals that the person's organisation operate another organisation's system, waiting for its decision. */
@Component
@Order(11)
class OperatorsAttention implements AttentionSource {

    private final OperatorRepository repository;

    OperatorsAttention(OperatorRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        return repository.toDecide(20).stream()
                .map(p -> AttentionItem.of(
                        Severity.WARNING,
                        "operators.attention.toDecide",
                        "/operators#proposal-" + p.id(),
                        p.ownerName(),
                        p.systemCode(),
                        p.systemName(),
                        Objects.requireNonNullElse(p.operatorName(), "")))
                .toList();
    }

    @Override
    public String moreLink() {
        return "/operators";
    }
}
