// class-transformer 0.5.1 ships the storage module without a declaration next to it.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
