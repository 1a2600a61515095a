"""The uncompressed ZIP64 container torch.save writes, byte for byte as torch's miniz writer lays it
out: every payload starts at a multiple of 64 bytes (the padding sits in a local-header extra field
tagged "FB"), sizes follow each payload in a data descriptor, and a ZIP64 end record closes it.

Reading goes through Python's zipfile; `payload_offset` finds where a record's bytes start, for mmap.
"""

import struct
import zipfile
import zlib

ALIGNMENT = 64

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_DESCRIPTOR32 = struct.Struct("<IIII")
_DESCRIPTOR64 = struct.Struct("<IIQQ")
_ZIP64_END = struct.Struct("<IQHHIIQQQQ")
_ZIP64_LOCATOR = struct.Struct("<IIQI")
_END = struct.Struct("<IHHHHIIH")
_U32_MAX = 0xFFFFFFFF
_UTF8_NAMES = 0x0800  # general-purpose flag bit 11
_HAS_DESCRIPTOR = 0x0008  # bit 3: crc and sizes follow the payload


class ZipWriter:
    """Streams records into `out` (anything with `write`), in the order they are written.

    Nothing seeks, so a pipe or a socket works as well as a file or a BytesIO.
    """

    def __init__(self, out, archive_name):
        self._out = out
        self._prefix = archive_name + "/"
        self._offset = 0
        self._entries = []  # (name bytes, flags, crc, size, local header offset)

    def _write(self, data):
        self._out.write(data)
        self._offset += len(data)

    def write_record(self, name, data):
        """Writes `data` (bytes or a buffer) as `<archive>/<name>`."""
        view = memoryview(data).cast("B")
        size = view.nbytes
        encoded = (self._prefix + name).encode("utf-8")
        header_offset = self._offset
        # the padding makes the payload start on a multiple of ALIGNMENT
        unpadded = header_offset + _LOCAL.size + len(encoded) + 4
        pad = -unpadded % ALIGNMENT
        extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
        flags = _UTF8_NAMES | (_HAS_DESCRIPTOR if size else 0)
        self._write(_LOCAL.pack(0x04034B50, 0, flags, 0, 0, 0, 0, 0, 0, len(encoded), len(extra)))
        self._write(encoded)
        self._write(extra)
        self._write(view)
        crc = zlib.crc32(view) if size else 0
        if size:
            if header_offset >= _U32_MAX or size >= _U32_MAX:
                self._write(_DESCRIPTOR64.pack(0x08074B50, crc, size, size))
            else:
                self._write(_DESCRIPTOR32.pack(0x08074B50, crc, size, size))
        self._entries.append((encoded, flags, crc, size, header_offset))

    def close(self):
        """Writes the central directory and the ZIP64 and classic end records."""
        start = self._offset
        for encoded, flags, crc, size, header_offset in self._entries:
            extra = b""
            fields = []
            stored_size = size
            stored_offset = header_offset
            if size >= _U32_MAX:
                fields += [size, size]
                stored_size = _U32_MAX
            if header_offset >= _U32_MAX:
                fields.append(header_offset)
                stored_offset = _U32_MAX
            if fields:
                extra = struct.pack(f"<HH{len(fields)}Q", 0x0001, 8 * len(fields), *fields)
            self._write(
                _CENTRAL.pack(
                    0x02014B50,
                    0,
                    0,
                    flags,
                    0,
                    0,
                    0,
                    crc,
                    stored_size,
                    stored_size,
                    len(encoded),
                    len(extra),
                    0,
                    0,
                    0,
                    0,
                    stored_offset,
                )
            )
            self._write(encoded)
            self._write(extra)
        count = len(self._entries)
        directory_size = self._offset - start
        zip64_end = self._offset
        self._write(
            _ZIP64_END.pack(0x06064B50, 44, 0x031E, 0x2D, 0, 0, count, count, directory_size, start)
        )
        self._write(_ZIP64_LOCATOR.pack(0x07064B50, 0, zip64_end, 1))
        self._write(
            _END.pack(
                0x06054B50,
                0,
                0,
                min(count, 0xFFFF),
                min(count, 0xFFFF),
                min(directory_size, _U32_MAX),
                min(start, _U32_MAX),
                0,
            )
        )


class ZipReader:
    """Records of a torch.save archive, by their name under the archive's root folder."""

    def __init__(self, file):
        self._file = file
        self.zip = zipfile.ZipFile(file)
        infos = self.zip.infolist()
        if not infos:
            raise RuntimeError("PytorchStreamReader failed locating file data.pkl: file not found")
        first = infos[0].filename
        if "/" not in first:
            raise RuntimeError(
                "PytorchStreamReader failed reading zip archive: file in archive is not in a subdirectory"
            )
        self.prefix = first.split("/", 1)[0] + "/"
        self._infos = {
            info.filename[len(self.prefix) :]: info
            for info in infos
            if info.filename.startswith(self.prefix)
        }

    def names(self):
        return list(self._infos)

    def has_record(self, name):
        return name in self._infos

    def _info(self, name):
        info = self._infos.get(name)
        if info is None:
            raise RuntimeError(f"PytorchStreamReader failed locating file {name}: file not found")
        return info

    def read(self, name):
        return self.zip.read(self._info(name))

    def read_into(self, name, buffer):
        """Reads record `name` into `buffer` (a writable uint8 array of the record's size)."""
        info = self._info(name)
        if info.file_size != buffer.nbytes:
            raise RuntimeError(
                f"storage {name} holds {info.file_size} bytes where {buffer.nbytes} were expected"
            )
        if not info.file_size:
            return
        view = memoryview(buffer).cast("B")
        if info.compress_type == zipfile.ZIP_STORED and hasattr(self._file, "readinto"):
            # stored bytes: read them straight into the buffer
            self._file.seek(self.payload_offset(name))
            stream = self._file
        else:
            stream = self.zip.open(info)
        filled = 0
        while filled < len(view):
            got = stream.readinto(view[filled:])
            if not got:
                raise RuntimeError(f"storage {name} ends early")
            filled += got

    def payload_offset(self, name):
        """Where record `name`'s bytes start in the file (past its local header)."""
        info = self._info(name)
        self._file.seek(info.header_offset)
        header = self._file.read(_LOCAL.size)
        fields = _LOCAL.unpack(header)
        return info.header_offset + _LOCAL.size + fields[9] + fields[10]
