package vn.khien.obligations.awareness;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: {@code demo.so.canbo} has sent a quarterly ransomware campaign to an uploaded list of six people of the
 * province's security unit, and three of them have acknowledged it through their links (the page shows the log and
 * 50% acknowledged, under the attention threshold: a line on the officer's home page); the campaign is R25's evidence
 * for the unit. Seeded once (while the unit has no campaign); mails
 * go out when SMTP is configured, like any other round.
 */
@Component
class AwarenessDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(AwarenessDemoData.class);

    private final AwarenessService awareness;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AwarenessDemoData(AwarenessService awareness, JdbcClient jdbc, TransactionTemplate tx) {
        this.awareness = awareness;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    @Order(8)
    public void on(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, this::seed);
    }

    private void seed() {
        Optional<Long> unit = DemoSeeds.grantedOrg(jdbc, "demo.so.canbo");
        if (unit.isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM awareness_campaign WHERE organization_id = :o")
                        .param("o", unit.get()))) {
            return;
        }
        List<CampaignRequest.Recipient> list = List.of(
                new CampaignRequest.Recipient("nguyen.van.an@so-khcn.demo.vn", "Nguyễn Văn An"),
                new CampaignRequest.Recipient("tran.thi.binh@so-khcn.demo.vn", "Trần Thị Bình"),
                new CampaignRequest.Recipient("le.van.cuong@so-khcn.demo.vn", "Lê Văn Cường"),
                new CampaignRequest.Recipient("pham.thi.dung@so-khcn.demo.vn", "Phạm Thị Dung"),
                new CampaignRequest.Recipient("hoang.van.em@so-khcn.demo.vn", "Hoàng Văn Em"),
                new CampaignRequest.Recipient("vu.thi.giang@so-khcn.demo.vn", "Vũ Thị Giang"));
        AwarenessService.Created created = as(
                "demo.so.canbo",
                () -> awareness.create(new CampaignRequest(
                        unit.get(),
                        "RANSOMWARE",
                        "Cảnh giác mã độc tống tiền (demo)",
                        "Không mở tệp đính kèm, liên kết trong thư lạ; không cắm thiết bị lưu trữ không rõ nguồn gốc."
                                + "\n\nKhi máy tính có dấu hiệu bất thường (tệp bị đổi tên, không mở được), ngắt mạng"
                                + " và báo ngay cho cán bộ chuyên trách an toàn thông tin.",
                        null,
                        "QUARTERLY",
                        "LIST",
                        list,
                        null)));
        // the rounds job sends the first round; the seed sends it at once so that the log has deliveries
        awareness.sendDueRoundsOf();
        // three of the six read the message and followed their personal links
        List<Long> deliveries = jdbc.sql("SELECT id FROM awareness_delivery WHERE campaign_id = :c ORDER BY id LIMIT 3")
                .param("c", created.id())
                .query(Long.class)
                .list();
        for (long id : deliveries) {
            String token = awareness.token();
            jdbc.sql("UPDATE awareness_delivery SET token_hash = :h WHERE id = :id")
                    .param("h", AwarenessService.hash(token))
                    .param("id", id)
                    .update();
            awareness.acknowledge(token);
        }
        // the round went out ten days ago: past the grace days of rules/awareness/attention.yaml, so the officer's
        // home page shows the unit's share (50%) under the threshold
        // and its mail went out then (the demo has no mail server): the log does not show "waiting to be sent"
        // beside acknowledgements made through the links of those mails
        jdbc.sql("UPDATE awareness_delivery SET delivered_at = :at, mailed_at = :at WHERE campaign_id = :c")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(10))))
                .param("c", created.id())
                .update();
        LOG.warn("Demo awareness campaign seeded: {} deliveries, {} acknowledged.", list.size(), 3);
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoSeeds.as(jdbc, username, action);
    }
}
