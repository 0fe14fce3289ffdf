internal import GRDB

/// A row of the `mediaLink` table: the recording linked to one document.
struct MediaLinkRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mediaLink"

    /// The table's columns, named once.
    enum Columns {
        static let documentID = Column(CodingKeys.documentId)
        static let path = Column(CodingKeys.path)
    }

    var documentId: String
    var path: String
    var size: Int64
    var duration: Double
    var format: String
    var kind: String
    var sha256: String
    var timeOffset: Double
    var linkedAt: String
}

extension DerivableRequest<MediaLinkRecord> {
    /// The link of one document.
    func of(_ documentID: String) -> Self {
        filter(MediaLinkRecord.Columns.documentID == documentID)
    }
}
