// Files for a report, uploaded through /api/files as they are chosen: on a phone one
// full-width 拍照或选照片 button (accept="image/*" without `capture`, so the phone asks
// "camera or gallery" rather than forcing the camera) and the chosen photos as
// thumbnails with a 44 px ✕; on a desktop the module's upload button and the files as
// tags. Used by a task's progress (督查督办) and a hazard's 整改 evidence (隐患清零).
import { useState, type ReactNode } from 'react';
import { Button, Tag, Upload } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { usePhone } from './usePhone';

export interface PickedFile {
  id: string;
  name: string;
  mime: string;
}

export interface PhotoPickerOptions<F extends PickedFile> {
  files: F[];
  setFiles(f: (x: F[]) => F[]): void;
  /** The module's upload (POST /api/files with the session's CSRF token). */
  upload(file: File, csrf: string | null): Promise<F>;
  /** What a desktop may pick (a phone: images). */
  accept?: string;
  /** Several files at once on a desktop (a phone always may). */
  multiple?: boolean;
  labels: { photo: string; upload: string; remove: string };
  testIds: { photo: string; upload?: string; chosen: string };
}

/** The picker's button, the chosen files, and how many uploads are still running. */
export function usePhotoPicker<F extends PickedFile>(o: PhotoPickerOptions<F>): { uploader: ReactNode; chosen: ReactNode[]; uploading: number } {
  const phone = usePhone();
  const { me } = useSession();
  const onError = useErrorMessage();
  const [uploading, setUploading] = useState(0);
  const uploader = (
    <Upload
      showUploadList={false}
      multiple={phone || o.multiple}
      accept={phone ? 'image/*' : o.accept}
      customRequest={({ file, onSuccess, onError: fail }) => {
        setUploading((n) => n + 1);
        o.upload(file as File, me?.csrfToken ?? null)
          .then(
            (f) => (o.setFiles((x) => [...x, f]), onSuccess?.(f)),
            (e: Error) => (onError(e), fail?.(e)),
          )
          .finally(() => setUploading((n) => n - 1));
      }}
    >
      {phone ? (
        <Button block icon={<CameraOutlined />} loading={uploading > 0} data-testid={o.testIds.photo}>
          {o.labels.photo}
        </Button>
      ) : (
        <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid={o.testIds.upload}>
          {o.labels.upload}
        </Button>
      )}
    </Upload>
  );
  const remove = (id: string) => o.setFiles((x) => x.filter((y) => y.id !== id));
  const chosen = o.files.map((f) =>
    f.mime.startsWith('image/') ? (
      <span key={f.id} className="gj-photo-chosen" data-testid={o.testIds.chosen}>
        <img src={`/api/files/${f.id}`} alt={f.name} />
        <Button size="small" type="text" className="gj-photo-remove" aria-label={o.labels.remove} onClick={() => remove(f.id)}>
          ✕
        </Button>
      </span>
    ) : (
      <Tag key={f.id} closable onClose={() => remove(f.id)} data-testid={o.testIds.chosen}>
        📎 {f.name}
      </Tag>
    ),
  );
  return { uploader, chosen, uploading };
}
