extension UnsafeBufferPointer where Element == UInt8 {
    /// The Unicode scalar whose UTF-8 starts at `offset`, and its length in
    /// bytes. The tokenizer's buffers come from Swift strings, so they are
    /// valid UTF-8; a scalar cut by `limit` (a token's end) reads as U+FFFD, one byte.
    func scalar(at offset: Int, limit: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = self[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard offset + length <= limit else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1 ..< length { value = value << 6 | UInt32(self[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
