package vn.khien.obligations.suppliers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Suppliers with access to a system at R36's minimum level and no current assessment, in organisations where the
 * person may record one (EDIT_SECURITY_DATA): one line per organisation, linking to its suppliers.
 */
@Component
@Order(52)
class SupplierAttention implements AttentionSource {

    private final SupplierRiskService suppliers;

    SupplierAttention(SupplierRiskService suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        Map<Long, List<SupplierRisk>> byOrg = new LinkedHashMap<>();
        suppliers
                .unmetWhereCallerEdits()
                .forEach(s -> byOrg.computeIfAbsent(s.organizationId(), k -> new ArrayList<>())
                        .add(s));
        return byOrg.values().stream()
                .map(list -> AttentionItem.of(
                        AttentionItem.Severity.CRITICAL,
                        "supplierRisk.attention.unassessed",
                        "/organizations/" + list.get(0).organizationId() + "/suppliers",
                        list.size(),
                        list.get(0).organizationName()))
                .toList();
    }

    /** Every supplier of every system the person edits is grouped by name: seconds nationally (ADR 0059). */
    @Override
    public boolean mayLag() {
        return true;
    }
}
