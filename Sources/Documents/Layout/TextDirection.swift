/// A PDF page shown turned (its /Rotate, or its text drawn turned: a landscape table printed up a portrait page,
/// a page saved upside down) gives its characters' boxes as the page is shown, its words running left, up or down.
/// Lines are rebuilt from boxes that run right: the boxes are turned so, when most of the page's runs of two
/// characters go one other way.
enum TextDirection {
    struct Box { var x1, y1, x2, y2: Double }

    /// Runs of two characters of a word needed, and the share of them going one way, before a page is turned.
    static let minimumRuns = 20
    static let majority = 0.6

    /// The boxes in a frame where the page's text runs right, and the clockwise quarter turns that frame is from the
    /// page's; the same boxes and 0 when it already does (or when it is too short to tell). `spaces` marks the
    /// characters that separate words.
    static func upright(_ boxes: [Box], spaces: [Bool], width: Double, height: Double) -> (boxes: [Box], quarterTurns: Int) {
        var right = 0, left = 0, down = 0, up = 0
        for index in boxes.indices.dropFirst() where !spaces[index] && !spaces[index - 1] {
            let a = boxes[index - 1], b = boxes[index]
            let dx = (b.x1 + b.x2 - a.x1 - a.x2) / 2, dy = (b.y1 + b.y2 - a.y1 - a.y2) / 2
            if abs(dx) >= abs(dy) {
                if dx > 0 { right += 1 } else if dx < 0 { left += 1 }
            } else if dy > 0 { down += 1 } else { up += 1 }
        }
        let runs = right + left + down + up
        guard runs >= minimumRuns else { return (boxes, 0) }
        let share = { (count: Int) in Double(count) >= majority * Double(runs) }
        if share(left) {
            return (boxes.map { Box(x1: width - $0.x2, y1: height - $0.y2, x2: width - $0.x1, y2: height - $0.y1) }, 2)
        }
        if share(down) {
            // Text running down the page: its lines follow each other leftwards.
            return (boxes.map { Box(x1: $0.y1, y1: width - $0.x2, x2: $0.y2, y2: width - $0.x1) }, 3)
        }
        if share(up) {
            return (boxes.map { Box(x1: height - $0.y2, y1: $0.x1, x2: height - $0.y1, y2: $0.x2) }, 1)
        }
        return (boxes, 0)
    }
}
