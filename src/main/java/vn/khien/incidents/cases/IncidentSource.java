package vn.khien.incidents.cases;

/** How an incident reached the platform. */
public enum IncidentSource {
    UI,
    API,
    PUBLIC
}
