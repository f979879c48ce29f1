package vn.khien.systems.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A registered information system as stored, with its owner's and operator's names for display. {@code
 * proposedHostingKind}: the hosting kind its outside operator proposed, waiting for the owner (ADR 0057), else null.
 */
@NamedInterface("register")
public record InformationSystem(
        long id,
        long ownerOrganizationId,
        String ownerName,
        String ownerPath,
        long operatorOrganizationId,
        String operatorName,
        String code,
        String name,
        String purpose,
        SystemType systemType,
        List<InformationKind> informationKinds,
        @Nullable Long userCount,
        @Nullable Long dataSubjectCount,
        @Nullable HostingKind hostingKind,
        String hostingProvider,
        LifecycleStatus lifecycleStatus,
        LocalDate investmentStartedOn,
        LocalDate operatingSince,
        LocalDate retiredOn,
        @Nullable Integer approvedLevel,
        String approvedRegime,
        LocalDate approvedOn,
        String approvalDecisionNumber,
        String approvalDecisionSigner,
        boolean securityUnitOperates,
        boolean redeterminationRequired,
        String redeterminationReason,
        @Nullable Instant updatedAt,
        @Nullable HostingKind proposedHostingKind) {}
